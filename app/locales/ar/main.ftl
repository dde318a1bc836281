## Site
site-name = جسر
site-description = جسر: منصة التسجيل والتتبع لبرنامج التمكين الاقتصادي والقيادة للنساء.
skip-to-content = الانتقال إلى المحتوى
lang-switcher-label = اللغة
loading = جارٍ التحميل…
back-home = العودة إلى الصفحة الرئيسية
footer-ministry = وزارة التضامن والإدماج الاجتماعي والأسرة
footer-partners = بدعم من صندوق الأمم المتحدة للسكان والوكالة الإسبانية للتعاون الدولي من أجل التنمية، وبشراكة مع التعاون الوطني ووكالة التنمية الاجتماعية.

## Errors
error-internal = حدث خلل من جهتنا. يرجى المحاولة بعد قليل.
error-network = تعذر الاتصال بالخادم. تحققي من الاتصال ثم أعيدي المحاولة.
not-found-title = الصفحة غير موجودة
not-found-text = الصفحة المطلوبة غير موجودة أو تم نقلها.

## Landing page
landing-eyebrow = وزارة التضامن والإدماج الاجتماعي والأسرة
landing-title = برنامج التمكين الاقتصادي والقيادة للنساء
landing-lead = هل لديك فكرة مشروع أو نشاط مدرّ للدخل؟ يرافقك البرنامج بالتكوين، والمواكبة في حاضنة اجتماعية بجهتك، والتمويل.
landing-cta = ابدئي التسجيل
landing-cta-note = مجاني. حوالي 10 دقائق من هاتفك.
offers-title = ما يقدمه البرنامج
offer-training-title = التكوين
offer-training-text = تكوين في التدبير وتكوين تقني مرتبط بمشروعك.
offer-coaching-title = المواكبة
offer-coaching-text = تتبع شخصي في الحاضنات الاجتماعية الجهوية، مع التعاون الوطني ووكالة التنمية الاجتماعية.
offer-financing-title = التمويل
offer-financing-text = دعم لتمويل إطلاق نشاطك أو تطويره.
eligibility-title = من يمكنها التسجيل
eligibility-intro = البرنامج موجّه لكل امرأة تستوفي هذه الشروط:
eligibility-age = أن يكون عمرها 18 سنة أو أكثر؛
eligibility-residence = أن تقيم في المغرب؛
eligibility-project = أن تحمل فكرة مشروع أو نشاطًا مدرًّا للدخل؛
eligibility-situation = أن تعيش وضعية صعبة واحدة على الأقل: أرملة، مطلقة، أم عازبة، معيلة لأسرة، في وضعية إعاقة، ناجية من العنف، بدون دخل، تتكفل بشخص في عهدتها، أو غير ذلك.
steps-title = كيف تجري العملية
step-register = تسجلين عبر الإنترنت، وحدك أو بمساعدة عونة في مركزك.
step-review = يدرس فريق جهتك ملفك ويخبرك بالقرار.
step-training = تتابعين التكوين والمواكبة قرب مقر سكناك.
step-financing = يُقدَّم مشروعك للحصول على التمويل.
places-title = المقاعد حسب الجهة
places-intro = { $total } مقعد في { $regions }.
landing-regions-count = { $count } جهة
places-left = { $n ->
    [one] مقعد واحد متبقٍّ من أصل { $target }
    [two] مقعدان متبقيان من أصل { $target }
    [few] { $left } مقاعد متبقية من أصل { $target }
    [many] { $left } مقعدًا متبقيًا من أصل { $target }
   *[other] { $left } مقعد متبقٍّ من أصل { $target }
}
places-waitlist = لائحة الانتظار مفتوحة
places-waitlist-note = عندما تمتلئ جميع مقاعد جهة ما، يبقى التسجيل مفتوحًا وتنضمين إلى لائحة الانتظار.

## Registration
register-soon-title = التسجيل عبر الإنترنت سيفتح قريبًا
register-soon-text = ستكون استمارة التسجيل متاحة هنا قريبًا جدًا. في الأثناء، يمكن لعونة مركز التعاون الوطني الأقرب إليك أن تجيبك.

## Answers refused, shown next to the field
field-error-required = هذا الجواب إلزامي.
field-error-too-short = { $min } أحرف على الأقل.
field-error-too-long = { $max } حرفًا على الأكثر.
field-error-control-characters = يحتوي هذا النص على رموز غير مرئية. أعيدي كتابته دون نسخ ولصق.
field-error-name-characters = استعملي الحروف فقط، مع المسافات أو الشرطات أو الفواصل العليا.
field-error-mixed-scripts = اكتبي الاسم بالحروف العربية أو بالحروف اللاتينية، وليس بهما معًا.
field-error-cin-format = رقم البطاقة الوطنية يبدأ بحرف أو حرفين تليهما أرقام، مثلا BK123456.
field-error-phone-format = أدخلي رقم هاتف محمول مغربي، مثلا 06 12 34 56 78 أو ‎+212 6 12 34 56 78.
field-error-email-format = هذا البريد الإلكتروني غير صحيح، مثلا: name@example.ma. وهو اختياري.
field-error-date-format = أدخلي تاريخًا صحيحًا بصيغة يوم/شهر/سنة.
field-error-date-in-future = هذا التاريخ في المستقبل.
field-error-too-young = البرنامج مفتوح للنساء البالغات { $age } سنة أو أكثر.
field-error-date-implausible = تحققي من سنة الازدياد.
field-error-not-an-option = اختاري أحد الأجوبة المقترحة.
field-error-reference-format = رقم الملف يشبه JSR-7K4M-2P9X.
