## Site
site-name = جسر
site-description = جسر: منصة التسجيل والتتبع لبرنامج التمكين الاقتصادي والقيادة للنساء.
skip-to-content = الانتقال إلى المحتوى
lang-switcher-label = اللغة
quick-exit = خروج سريع
quick-exit-hint = يغادر هذا الموقع فورًا إلى صفحة محايدة. اختصار: اضغطي ثلاث مرات على زر Shift.
loading = جارٍ التحميل…
back-home = العودة إلى الصفحة الرئيسية
back = رجوع
help-title = تحتاجين إلى المساعدة؟
help-call = اتصلي بالرقم
help-find-centre = ابحثي عن مركزك
help-generic = اسألي في مركز التعاون الوطني أو المصلحة الاجتماعية لجماعتك.
centres-title = مراكز البرنامج
centres-intro = في كل مركز من هذه المراكز، تستقبلك عونة وتساعدك على التسجيل وتجيب عن أسئلتك حول ملفك.
centre-nearest-title = مركز جهتك
footer-ministry = وزارة التضامن والإدماج الاجتماعي والأسرة
footer-partners = بدعم من صندوق الأمم المتحدة للسكان والوكالة الإسبانية للتعاون الدولي من أجل التنمية، وبشراكة مع التعاون الوطني ووكالة التنمية الاجتماعية.

## Errors
error-internal = حدث خلل من جهتنا. أعيدي المحاولة بعد قليل.
error-network = تعذر الاتصال بالخادم. تحققي من الاتصال ثم أعيدي المحاولة.
error-not-signed-in = انتهت جلستك أو لم يتم تسجيل دخولك. يُرجى تسجيل الدخول.
error-password-change-required = يجب أولًا تغيير كلمة المرور المؤقتة.
error-forbidden = لا يسمح دورك بهذه العملية.
error-not-found = لا يوجد ما يطابق هذا المعرِّف، أو لا يمكنك الاطلاع عليه.
error-invalid = إحدى القيم خارج الحدود المسموح بها.
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
places-waitlist = مُنحت كل المقاعد
places-applied = عدد التسجيلات: { $applied }
places-note = تُمنح المقاعد عند دراسة الملفات، وليس حسب ترتيب التسجيل. إذا قُبل في جهة ما عدد من الملفات يفوق عدد المقاعد، توضع الملفات الموالية في لائحة انتظار.

## Registration
register-title = التسجيل في البرنامج
register-intro = يتم التسجيل في 8 مراحل قصيرة. يمكنك التوقف والمتابعة لاحقًا: أجوبتك محفوظة.
register-needs-title = ما تحتاجينه
register-needs-cin = بطاقتك الوطنية للتعريف؛
register-needs-phone = رقم هاتف محمول؛
register-needs-time = حوالي 10 دقائق.
register-kept = بعد مرحلة «الهوية» تحصلين على رمز استئناف لمتابعة التسجيل من هاتف آخر.
register-start = ابدئي
register-resume-link = لدي رمز استئناف
status-link = تتبع ملفي
step-progress = المرحلة { $step } من { $total }
step-eligibility-title = هل يمكنك المشاركة؟
step-identity-title = هويتك
step-residence-title = مكان سكنك
step-situation-title = وضعيتك
step-schooling-title = دراستك
step-project-title = مشروعك
step-preferences-title = تفضيلاتك
step-consent-title = معطياتك وموافقتك
step-answer-first = أجيبي أولًا عن المرحلة السابقة:
step-continue = متابعة
step-save-and-return = حفظ والرجوع إلى ملخص الأجوبة
resume-code-label = رمز الاستئناف لمتابعة التسجيل من هاتف آخر:
not-eligible-title = لا يمكنك التسجيل في هذا البرنامج
not-eligible-change = تعديل أجوبتي
region-abroad = أعيش خارج المغرب
situation-none = لا شيء من هذه الوضعيات
field-optional = (اختياري)
select-placeholder = اختاري…
error-summary-title = بعض الأجوبة تحتاج إلى تصحيح
change = تعديل
answer-none = لا جواب
situations-chosen = الوضعيات المذكورة في المرحلة الأولى

## Questions
field-adult = هل عمرك 18 سنة أو أكثر؟
field-region = الجهة التي تعيشين فيها
field-has-project = هل لديك فكرة مشروع أو نشاط يدر عليك دخلًا؟
field-has-project-hint = مثلا: الخياطة، تربية المواشي، الطبخ، التجارة الصغيرة، ولو من البيت.
field-situations = وضعيتك
field-situations-hint = اختاري كل ما ينطبق عليك.
field-first-name = الاسم الشخصي
field-first-name-hint = بالحروف العربية أو اللاتينية، كما في بطاقتك الوطنية.
field-last-name = الاسم العائلي
field-cin = رقم البطاقة الوطنية
field-cin-hint = حرف أو حرفان ثم أرقام، مثلا {"\u2066"}BK123456{"\u2069"}.
field-birth-date = تاريخ الازدياد
field-birth-date-hint = اليوم ثم الشهر ثم السنة، بالأرقام، مثلا {"\u2066"}14 3 1985{"\u2069"}.
date-day = اليوم
date-month = الشهر
date-year = السنة
field-phone = الهاتف المحمول
field-phone-hint = مثلا {"\u2066"}06 12 34 56 78{"\u2069"}.
field-email = البريد الإلكتروني
field-province = الإقليم أو العمالة
field-locality = الجماعة أو المكان
field-area = تعيشين في
field-marital-status = الحالة العائلية
field-dependants = عدد الأشخاص الذين تعيلينهم
field-dependants-hint = الأطفال أو الوالدان أو غيرهم ممن تتكفلين بهم. 0 إن لم يكن أحد.
field-household-head = هل أنت ربة الأسرة؟
field-disability = هل أنت في وضعية إعاقة؟
field-education = المستوى الدراسي
field-reading = القراءة والكتابة
field-rsu = هل أنت مسجلة في السجل الاجتماعي الموحد؟
field-rsu-hint = السجل الاجتماعي الموحد يفتح الحق في برامج الدعم الاجتماعي للدولة.
field-income = دخلك الحالي
field-situation-details = حدثينا أكثر عن وضعيتك
field-situation-details-hint = إن رغبت في ذلك، 500 حرف على الأكثر.
field-stage = أين وصل مشروعك؟
field-sector = القطاع
field-description = صفي مشروعك في بضع جمل
field-description-hint = ما تقومين به أو تريدين القيام به، ولمن، وما الذي ينقصك. من 20 إلى 1000 حرف. إن صعبت عليك الكتابة، ضعي علامة في الخانة أسفله: ستشرحينه في المركز.
field-explain-at-centre = يصعب عليك وصف مشروعك كتابةً؟
explain-at-centre = سأشرحه شفهيًا في المركز
field-support = ما الدعم الذي تحتاجينه؟
field-cooperative-member = هل أنت عضوة في تعاونية؟
field-budget = الميزانية التقريبية للمشروع
field-centre = المركز أو المدينة التي تفضلين التكوين فيها
field-centre-hint = مثلا أقرب مركز للتعاون الوطني.
field-availability = أوقات تفرغك
field-training-language = لغة التكوين المفضلة
field-consent = موافقتك
field-resume-code = رمز الاستئناف
field-resume-code-hint = الرمز المكون من 8 خانات الذي حصلت عليه أثناء التسجيل، مثلا {"\u2066"}7K4M-2P9X{"\u2069"}.
field-reference = رقم الملف
field-reference-hint = مثلا {"\u2066"}JSR-7K4M-2P9X{"\u2069"}.
field-identity = رقم بطاقتك الوطنية أو تاريخ ازديادك
field-identity-hint = مثلا {"\u2066"}BK123456{"\u2069"} أو {"\u2066"}14/03/1985{"\u2069"}.

## Consent (Law 09-08)
consent-purpose-title = لماذا نطلب هذه المعلومات
consent-purpose = تُستعمل أجوبتك فقط لدراسة ترشيحك لبرنامج التمكين الاقتصادي والقيادة للنساء، وللتواصل معك، ولتتبع مسارك في التكوين والمواكبة والتمويل.
consent-who-title = من يطلع عليها
consent-who = فريق البرنامج في جهتك وفي وزارة التضامن والإدماج الاجتماعي والأسرة. أما الشركاء (صندوق الأمم المتحدة للسكان، الوكالة الإسبانية للتعاون الدولي من أجل التنمية، التعاون الوطني، وكالة التنمية الاجتماعية) فلا يرون إلا أرقامًا إجمالية، ولا يرون اسمك أبدًا.
consent-keep-title = مدة الحفظ
consent-keep = يُحفظ ملفك طوال مدة البرنامج، ثم خمس سنوات على الأكثر، قبل أن يُحذف. أما التسجيل الذي بدأ ولم يُرسل فيُحذف بعد 30 يومًا.
consent-rights-title = حقوقك
consent-rights = طبقًا للقانون 09-08 المتعلق بحماية المعطيات ذات الطابع الشخصي، يمكنك الاطلاع على معطياتك وتصحيحها والاعتراض على معالجتها أو سحب ترشيحك، بالتوجه إلى الوزارة أو إلى مركزك. ويمكنك أيضًا اللجوء إلى اللجنة الوطنية لمراقبة حماية المعطيات ذات الطابع الشخصي.
consent-version = نسخة النص: { $version }
consent-agree = قرأت هذا النص وأوافق على استعمال أجوبتي بهذه الطريقة.

## Check your answers
check-title = راجعي أجوبتك
check-intro = أعيدي قراءة أجوبتك. يمكنك تعديل كل جواب قبل إرسال تسجيلك.
check-declaration = بالإرسال، تؤكدين أن أجوبتك صحيحة.
check-submit = إرسال تسجيلي

## Submitted
submitted-title = تم إرسال تسجيلك
submitted-none-title = لم يُرسل أي تسجيل من هذا الهاتف
submitted-reference-label = رقم ملفك:
submitted-region-places = جهة { $region }: عدد المقاعد { $target }، وعدد التسجيلات حتى الآن { $applied }. تُمنح المقاعد عند دراسة الملفات، وليس حسب ترتيب التسجيل.
submitted-keep-title = احتفظي بهذا الرقم
submitted-keep = ستحتاجينه لتتبع ملفك. دونيه، أو التقطي صورة للشاشة، أو أرسليه لنفسك في رسالة قصيرة.
submitted-copy = نسخ الرقم
submitted-copied = تم نسخ الرقم
submitted-sms = إرساله في رسالة قصيرة
submitted-next-title = وماذا بعد؟
submitted-next-review = يدرس فريق جهتك ملفك خلال 4 أسابيع.
submitted-next-call = يتصل بك على الرقم الذي أعطيته لإخبارك بالقرار.
submitted-next-training = إذا تم قبولك، يدعوك إلى أول حصة تكوين.

## Resume and status
resume-title = متابعة تسجيلي
resume-intro = أدخلي رمز الاستئناف الذي حصلت عليه أثناء التسجيل وتاريخ ازديادك.
resume-submit = متابعة
status-title = تتبع ملفي
status-intro = أدخلي رقم ملفك ورقم بطاقتك الوطنية أو تاريخ ازديادك.
status-submit = عرض حالة ملفي
status-reference = الملف
status-not-found = لا يوجد ملف يطابق هذه المعلومات. تحققي من رقم الملف ومن رقم بطاقتك الوطنية أو تاريخ ازديادك.
status-submitted = تم الاستلام: ملفك في انتظار الدراسة.
status-under-review = قيد الدراسة من طرف فريق جهتك.
status-accepted = مقبول: سيتصل بك فريق جهتك.
status-waiting-list = في لائحة الانتظار: سنتصل بك إذا شغر مقعد.
status-rejected = لم يتم قبوله. يمكن لفريق جهتك أن يشرح لك السبب.
status-enrolled = مسجلة في البرنامج.
status-withdrawn = سُحب بطلب منك.
status-next-session = حصتك المقبلة:
status-coach = مؤطرتك:

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
field-error-cin-format = رقم البطاقة الوطنية يبدأ بحرف أو حرفين تليهما أرقام، مثلا {"\u2066"}BK123456{"\u2069"}.
field-error-phone-format = أدخلي رقم هاتف محمول مغربي، مثلا {"\u2066"}06 12 34 56 78{"\u2069"} أو {"\u2066"}+212 6 12 34 56 78{"\u2069"}.
field-error-email-format = هذا العنوان الإلكتروني غير صحيح. مثال لعنوان صحيح: name@example.ma. هذا الجواب اختياري.
field-error-date-format = أدخلي تاريخًا صحيحًا بصيغة يوم/شهر/سنة.
field-error-date-in-future = هذا التاريخ في المستقبل.
field-error-too-young = البرنامج مفتوح للنساء البالغات { $age } سنة أو أكثر.
field-error-date-implausible = تحققي من سنة الازدياد.
field-error-not-an-option = اختاري أحد الأجوبة المقترحة.
field-error-reference-format = رقم الملف يشبه {"\u2066"}JSR-7K4M-2P9X{"\u2069"}.
field-error-number-range = أدخلي عددًا صحيحًا من 0 إلى { $max }.
field-error-consent-required = ضعي علامة في الخانة لإعطاء موافقتك؛ بدونها لا يمكننا دراسة تسجيلك.
field-error-resume-code-format = رمز الاستئناف مكون من 8 خانات، مثلا {"\u2066"}7K4M-2P9X{"\u2069"}.
field-error-resume-not-found = لا يوجد تسجيل جارٍ يطابق هذا الرمز وتاريخ الازدياد هذا. ربما انتهت صلاحية الرمز بعد 30 يومًا.
field-error-identity-format = أدخلي رقم بطاقتك الوطنية (مثلا {"\u2066"}BK123456{"\u2069"}) أو تاريخ ازديادك (مثلا {"\u2066"}14/03/1985{"\u2069"}).
field-error-too-many-attempts = محاولات كثيرة في وقت قصير. انتظري دقيقة ثم أعيدي المحاولة.
registration-too-many = وصلت تسجيلات كثيرة من هذا الاتصال في الآونة الأخيرة. لم يضع شيء مما كتبته: أعيدي المحاولة لاحقًا، أو اطلبي المساعدة من مركزك.
field-error-none-with-others = اخترت «لا شيء من هذه الوضعيات» مع وضعية أخرى. ألغي اختيار إحداهما.

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
income-under-1000 = أقل من 1 000 درهم في الشهر
income-1000-2999 = من 1 000 إلى 2 999 درهمًا في الشهر
income-3000-4999 = من 3 000 إلى 4 999 درهمًا في الشهر
income-5000-plus = 5 000 درهم في الشهر أو أكثر
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
budget-under-10000 = أقل من 10 000 درهم
budget-10000-49999 = من 10 000 إلى 49 999 درهمًا
budget-50000-99999 = من 50 000 إلى 99 999 درهمًا
budget-100000-plus = 100 000 درهم أو أكثر
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
