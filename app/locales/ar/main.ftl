## Site
site-name = جسر
site-description = جسر: منصة التسجيل والتتبع لبرنامج التمكين الاقتصادي والقيادة للنساء.
skip-to-content = الانتقال إلى المحتوى
lang-switcher-label = اللغة
quick-exit = خروج سريع
quick-exit-hint = يغادر هذا الموقع فورًا إلى صفحة محايدة. اختصار: اضغطي ثلاث مرات على زر Shift.
loading = جارٍ التحميل…
back-home = العودة إلى الصفحة الرئيسية
footer-ministry = وزارة التضامن والإدماج الاجتماعي والأسرة
footer-partners = بدعم من صندوق الأمم المتحدة للسكان والوكالة الإسبانية للتعاون الدولي من أجل التنمية، وبشراكة مع التعاون الوطني ووكالة التنمية الاجتماعية.

## Errors
error-internal = حدث خلل من جهتنا. أعيدي المحاولة بعد قليل.
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
field-error-too-short = { $min ->
    [one] حرف واحد على الأقل.
    [two] حرفان على الأقل.
    [few] { $min } أحرف على الأقل.
    [many] { $min } حرفًا على الأقل.
   *[other] { $min } حرف على الأقل.
}
field-error-too-long = { $max ->
    [one] حرف واحد على الأكثر.
    [two] حرفان على الأكثر.
    [few] { $max } أحرف على الأكثر.
    [many] { $max } حرفًا على الأكثر.
   *[other] { $max } حرف على الأكثر.
}
field-error-control-characters = يحتوي هذا النص على رموز غير مرئية. أعيدي كتابته دون نسخ ولصق.
field-error-name-characters = استعملي الحروف فقط، مع المسافات أو الشرطات أو الفواصل العليا.
field-error-mixed-scripts = اكتبي الاسم بالحروف العربية أو بالحروف اللاتينية، وليس بهما معًا.
field-error-cin-format = رقم البطاقة الوطنية يبدأ بحرف أو حرفين تليهما أرقام، مثلا BK123456.
field-error-phone-format = أدخلي رقم هاتف محمول مغربي، مثلا 06 12 34 56 78 أو ‎+212 6 12 34 56 78.
field-error-email-format = هذا العنوان الإلكتروني غير صحيح. مثال لعنوان صحيح: name@example.ma. هذا الجواب اختياري.
field-error-date-format = أدخلي تاريخًا صحيحًا بصيغة يوم/شهر/سنة.
field-error-date-in-future = هذا التاريخ في المستقبل.
field-error-too-young = البرنامج مفتوح للنساء البالغات { $age } سنة أو أكثر.
field-error-date-implausible = تحققي من سنة الازدياد.
field-error-not-an-option = اختاري أحد الأجوبة المقترحة.
field-error-reference-format = رقم الملف يشبه JSR-7K4M-2P9X.

## Choices offered by the registration form
situation-widowed = أرملة
situation-divorced = مطلقة
situation-single-mother = أم عازبة
situation-head-of-household = معيلة لأسرة
situation-disability = في وضعية إعاقة
situation-violence-survivor = ناجية من العنف
situation-no-income = بدون دخل
situation-caregiver = تتكفل بشخص في عهدتها
situation-other = وضعية صعبة أخرى
answer-yes = نعم
answer-no = لا
marital-single = عازبة
marital-married = متزوجة
marital-divorced = مطلقة
marital-widowed = أرملة
marital-separated = منفصلة
education-none = بدون تمدرس
education-primary = ابتدائي
education-middle = إعدادي
education-secondary = ثانوي
education-vocational = تكوين مهني
education-higher = تعليم عالٍ
reading-reads-and-writes = أقرأ وأكتب
reading-reads-a-little = أقرأ قليلًا
reading-does-not-read = لا أقرأ
income-none = بدون دخل
income-under-1000 = أقل من 1000 درهم في الشهر
income-1000-2999 = من 1000 إلى 2999 درهمًا في الشهر
income-3000-4999 = من 3000 إلى 4999 درهمًا في الشهر
income-5000-plus = 5000 درهم في الشهر أو أكثر
area-urban = في المدينة
area-rural = في البادية
stage-idea = فكرة مشروع
stage-informal = نشاط غير مهيكل
stage-auto-entrepreneur = مقاولة ذاتية
stage-cooperative = تعاونية
stage-company = شركة
sector-agriculture = الفلاحة وتربية المواشي
sector-agri-food = الصناعة الغذائية
sector-handicrafts = الصناعة التقليدية
sector-textile = النسيج والخياطة
sector-commerce = التجارة
sector-services = الخدمات
sector-tourism = السياحة
sector-digital = الرقمي
sector-other = قطاع آخر
support-training = التكوين
support-coaching = المواكبة
support-financing = التمويل
support-equipment = التجهيز
support-market-access = الولوج إلى الأسواق
budget-under-10000 = أقل من 10000 درهم
budget-10000-49999 = من 10000 إلى 49999 درهمًا
budget-50000-99999 = من 50000 إلى 99999 درهمًا
budget-100000-plus = 100000 درهم أو أكثر
availability-mornings = الفترات الصباحية
availability-afternoons = فترات بعد الزوال
availability-full-days = أيام كاملة
availability-weekends = نهاية الأسبوع
training-language-darija = الدارجة
training-language-arabic = العربية
training-language-tamazight = الأمازيغية
training-language-french = الفرنسية

## Eligibility: why she cannot join, and where else to turn
not-eligible-under-18 = البرنامج مخصص للنساء البالغات 18 سنة أو أكثر.
not-eligible-outside-morocco = يرافق البرنامج النساء المقيمات في المغرب.
not-eligible-no-project = يرافق البرنامج فكرة مشروع أو نشاطًا مدرًّا للدخل؛ يجب أن يكون لديك واحد منهما للتسجيل.
not-eligible-no-situation = البرنامج موجّه للنساء اللواتي يعشن وضعية صعبة واحدة على الأقل من اللائحة.
not-eligible-elsewhere = توجد أشكال دعم أخرى: يمكن لأقرب مركز للتعاون الوطني، والفضاءات متعددة الوظائف للنساء، ووكالة التنمية الاجتماعية أن توجّهك. لم يتم حفظ أجوبتك.
