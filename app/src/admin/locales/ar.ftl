## Staff roles
role-national-admin = الإدارة الوطنية
role-regional-coordinator = التنسيق الجهوي
role-reviewer = مراجِع الملفات
role-centre-agent = عون المركز
role-partner-viewer = شريك (اطلاع فقط)

## Console errors

## Console navigation
admin-nav-label = لوحة الإدارة
admin-nav-dashboard = لوحة القيادة
admin-nav-applications = الملفات
admin-nav-register = تسجيل امرأة
admin-nav-staff = حسابات الموظفين
admin-nav-audit = سجل التدقيق
admin-sign-out = تسجيل الخروج

## Sign-in
admin-sign-in-title = تسجيل دخول الموظفين
admin-sign-in = تسجيل الدخول
admin-email = البريد الإلكتروني
admin-password = كلمة المرور
admin-sign-in-invalid = البريد الإلكتروني أو كلمة المرور غير صحيحة.
admin-sign-in-missing = يُرجى إدخال البريد الإلكتروني وكلمة المرور.
admin-sign-in-too-many = محاولات كثيرة من هذا الاتصال. يُرجى الانتظار دقيقة ثم إعادة المحاولة.
admin-sign-in-wait-seconds = { $seconds ->
    [one] محاولات دخول كثيرة في وقت قصير. يُرجى إعادة المحاولة بعد ثانية واحدة.
    [two] محاولات دخول كثيرة في وقت قصير. يُرجى إعادة المحاولة بعد ثانيتين.
    [few] محاولات دخول كثيرة في وقت قصير. يُرجى إعادة المحاولة بعد { $seconds } ثوانٍ.
    [many] محاولات دخول كثيرة في وقت قصير. يُرجى إعادة المحاولة بعد { $seconds } ثانية.
   *[other] محاولات دخول كثيرة في وقت قصير. يُرجى إعادة المحاولة بعد { $seconds } ثانية.
}
admin-sign-in-wait-minutes = { $minutes ->
    [one] محاولات دخول كثيرة في وقت قصير. يُرجى إعادة المحاولة بعد دقيقة واحدة.
    [two] محاولات دخول كثيرة في وقت قصير. يُرجى إعادة المحاولة بعد دقيقتين.
    [few] محاولات دخول كثيرة في وقت قصير. يُرجى إعادة المحاولة بعد { $minutes } دقائق.
    [many] محاولات دخول كثيرة في وقت قصير. يُرجى إعادة المحاولة بعد { $minutes } دقيقة.
   *[other] محاولات دخول كثيرة في وقت قصير. يُرجى إعادة المحاولة بعد { $minutes } دقيقة.
}

## Password change
admin-password-title = تغيير كلمة المرور
admin-password-must-change = تم تسجيل دخولك بكلمة مرور مؤقتة. يُرجى اختيار كلمة مرور خاصة بك للمتابعة.
admin-password-current = كلمة المرور الحالية
admin-password-new = كلمة المرور الجديدة
admin-password-confirm = تأكيد كلمة المرور الجديدة
admin-password-save = حفظ كلمة المرور
admin-password-wrong-current = كلمة المرور الحالية غير صحيحة.
admin-password-too-short = { $min ->
    [one] يجب أن تتكون كلمة المرور الجديدة من حرف واحد على الأقل.
    [two] يجب أن تتكون كلمة المرور الجديدة من حرفين على الأقل.
    [few] يجب أن تتكون كلمة المرور الجديدة من { $min } أحرف على الأقل.
    [many] يجب أن تتكون كلمة المرور الجديدة من { $min } حرفًا على الأقل.
   *[other] يجب أن تتكون كلمة المرور الجديدة من { $min } حرف على الأقل.
}
admin-password-too-easy = كلمة المرور هذه سهلة التخمين (كلمة شائعة، أو تتابع أزرار، أو تاريخ، أو اسمك أو بريدك). اختاري كلمة أطول وغير مألوفة، مثلًا عدة كلمات لا علاقة بينها.
admin-password-mismatch = كلمتا المرور الجديدتان غير متطابقتين.
admin-password-same = يُرجى اختيار كلمة مرور مختلفة عن الحالية.

## Dashboard
admin-dashboard-title = لوحة القيادة
admin-dashboard-national = المغرب بأكمله — 12 جهة
admin-dashboard-applications = الترشيحات
admin-dashboard-places-of-target = المقاعد الممنوحة مقارنة بالهدف (المقبولات أو المسجلات)
admin-dashboard-regions = حسب الجهة
admin-dashboard-next = ما ينبغي القيام به
admin-card-to-review = ترشيحات للدراسة (مستلمة أو قيد الدراسة)
admin-card-oldest = أيام انتظار أقدم ترشيح (الموعد المعلن: { $promised } يومًا على الأكثر)
admin-card-duplicates = تكرارات محتملة ينبغي البت فيها
admin-card-waiting-list = في لائحة الانتظار
admin-dashboard-per-day-label = التسجيلات اليومية من { $from } إلى { $to }: { $total } في المجموع، و{ $max } على الأكثر في يوم واحد.
admin-dashboard-funnel = مراحل المسار
admin-dashboard-per-day = التسجيلات اليومية خلال آخر 30 يومًا
admin-dashboard-by-sector = حسب القطاع
admin-dashboard-by-channel = حسب قناة التسجيل
admin-dashboard-by-province = حسب الإقليم

## Fields and regional targets
admin-region = الجهة
admin-region-national = المغرب بأكمله
admin-province = الإقليم
admin-status = الحالة
admin-sector = القطاع
admin-stage = مرحلة المشروع
admin-channel = قناة التسجيل
admin-target = الهدف
admin-targets = الأهداف الجهوية
admin-target-saved = تم حفظ الهدف.
admin-save = حفظ
admin-region-hint = رمز الجهة من رقمين، من 01 إلى 12. تُترك الخانة فارغة بالنسبة للأدوار الوطنية.

## Application statuses
admin-status-submitted = مستلَم
admin-status-under-review = قيد الدراسة
admin-status-accepted = مقبول
admin-status-waiting-list = لائحة الانتظار
admin-status-rejected = غير مقبول
admin-status-enrolled = ملتحقة بالبرنامج
admin-status-withdrawn = مسحوب

## Registration channels
admin-channel-self = عبر الإنترنت، بنفسها
admin-channel-assisted = بمساعدة في المركز

## Application list
admin-applications-title = ملفات الترشيح
admin-search = بحث
admin-search-hint = رقم الملف، أو رقم البطاقة الوطنية، أو الهاتف، أو بداية الاسم بالحروف العربية أو اللاتينية.
admin-filter-any = الكل
admin-from = تاريخ الإيداع ابتداءً من
admin-to = إلى غاية
admin-sort = الترتيب حسب
admin-sort-newest = الأحدث أولًا
admin-sort-oldest = الأقدم أولًا
admin-sort-name = الاسم
admin-flagged-only = التكرارات المحتملة فقط
admin-search-go = بحث
admin-filters-summary = { $count ->
    [0] تصفية اللائحة
   *[other] تصفية اللائحة (عوامل التصفية المفعلة: { $count })
}
admin-status-open = للدراسة (مستلمة أو قيد الدراسة)
admin-status-placed = المقبولات (المسجلات في البرنامج أو لا)
admin-filter = تصفية
admin-filter-reset = مسح عوامل التصفية
admin-export = تصدير بصيغة CSV
admin-export-reference = رقم الملف
admin-export-status = الحالة
admin-export-submitted-at = تاريخ الإيداع
admin-export-region-code = رمز الجهة
admin-export-region = الجهة
admin-export-province = الإقليم
admin-export-first-name = الاسم الشخصي
admin-export-last-name = الاسم العائلي
admin-export-cin = رقم البطاقة الوطنية
admin-export-birth-date = تاريخ الازدياد
admin-export-phone = الهاتف
admin-export-email = البريد الإلكتروني
admin-export-locality = الجماعة أو الحي
admin-export-area = الوسط
admin-export-sector = القطاع
admin-export-stage = مرحلة المشروع
admin-export-channel = قناة التسجيل
admin-export-possible-duplicate = تكرار محتمل
admin-export-burst = إرسال متتابع
admin-export-separator = فاصل الملف
admin-export-sep-semicolon = فاصلة منقوطة (Excel بالفرنسية أو العربية)
admin-export-sep-comma = فاصلة
admin-export-sep-tab = مسافة جدولة
admin-results = { $total ->
    [one] ملف واحد
    [two] ملفان
    [few] { $shown } ملفات
    [many] { $shown } ملفًا
   *[other] { $shown } ملف
}
admin-results-more = أكثر من { $shown } ملف.
admin-select = تحديد
admin-select-row = تحديد الملف { $reference }
admin-reference = رقم الملف
admin-name = الاسم
admin-submitted-at = تاريخ الإيداع
admin-flagged = تكرار محتمل
admin-burst = إرسال متتابع
admin-demo-account = حساب تجريبي
admin-pages = الصفحات
admin-first = الأولى
admin-previous = السابقة
admin-next = التالية
admin-last = الأخيرة
admin-page-of = الصفحة { $page } من { $pages }

## Bulk actions
admin-bulk-start-review = وضع الملفات المحددة قيد الدراسة
admin-bulk-reviewer = المراجِع
admin-bulk-assign = إسناد الملفات المحددة
admin-bulk-none-selected = يُرجى تحديد ملف واحد على الأقل.
admin-bulk-done = عدد الملفات التي تمت معالجتها: { $done }. عدد الملفات التي تعذرت معالجتها: { $refused }.

## One application
admin-application-title = الملف
admin-actions = الإجراءات
admin-action-start-review = وضع قيد الدراسة
admin-action-recommend = تقديم توصية
admin-action-accept = قبول
admin-action-wait-list = الوضع في لائحة الانتظار
admin-action-reject = عدم القبول
admin-action-enrol = التسجيل في البرنامج
admin-action-withdraw = السحب بطلب منها
admin-action-done = تم الحفظ.

## Actions refused
admin-refused-not-allowed = لا يسمح دورك بهذا الإجراء.
admin-refused-invalid-transition = لا يمكن القيام بهذا الإجراء انطلاقًا من الحالة الحالية للملف.
admin-refused-reason-required = عند اختيار «سبب آخر»، يُرجى كتابة السبب.
admin-refused-hidden-characters = يحتوي النص على أحرف غير مرئية أو أحرف تحكم: يُرجى حذفها.
admin-refused-target-reached = تم بلوغ هدف الجهة: يُرجى وضع المترشحة في لائحة الانتظار بدلًا من ذلك.
admin-refused-changed = قام شخص آخر بتعديل هذا الملف في هذه الأثناء. يُعرض الملف بحالته الحالية: يُرجى التحقق منه قبل القيام بأي إجراء جديد.

## Recommendation
admin-recommendation = التوصية
admin-recommend-accept = القبول
admin-recommend-waiting-list = الوضع في لائحة الانتظار
admin-recommend-reject = عدم القبول

## Reasons for not retaining an application
admin-reject-reason = السبب
admin-reject-text = توضيحات
admin-reject-not-eligible = لا تستوفي الشروط
admin-reject-incomplete-file = ملف غير مكتمل
admin-reject-project-not-viable = مشروع غير ذي جدوى
admin-reject-duplicate = تكرار لترشيح آخر
admin-reject-other = سبب آخر
admin-reject-not-given = سبب غير مذكور
admin-decision = القرار
admin-choose = اختاري…
admin-reject-reason-missing = يُرجى اختيار سبب الرفض.

## Places and waiting list
admin-target-reached-offer-waiting-list = كل مقاعد الجهة مشغولة: لا يمكن القبول، ويُقترح الوضع في لائحة الانتظار بدلًا منه.
admin-proposed = شغر مقعد. أول امرأة في لائحة انتظار الجهة، مقترحة لهذا المقعد:
admin-burst-note = هذا الترشيح واحد من { $size } ترشيحات على الأقل أُرسلت من الاتصال نفسه خلال { $minutes } دقائق: يُرجى التحقق من صحته.
admin-reviewer = المراجِع المعيَّن

## Possible duplicates
admin-flags = التكرارات المحتملة
admin-table-scroll = جدول (مرري لرؤية كل شيء)
admin-explains-at-centre = اختارت أن تشرح مشروعها شفهيًا في المركز: يُرجى برمجة لقاء معها.
admin-no-flags = لا يوجد أي تكرار محتمل.
admin-flag-same-cin = نفس رقم البطاقة الوطنية الوارد في
admin-flag-same-phone = نفس رقم الهاتف الوارد في
admin-flag-same-name-and-birth-date = نفس الاسم وتاريخ الازدياد الواردين في
admin-flag-elsewhere = ترشيح لا يمكنك الاطلاع عليه

## Answers and history
admin-answers = الأجوبة
admin-history = سجل الملف
admin-event-submitted = إيداع الترشيح
admin-event-start-review = الوضع قيد الدراسة
admin-event-recommend = توصية
admin-event-accept = القبول
admin-event-wait-list = الوضع في لائحة الانتظار
admin-event-reject = عدم القبول
admin-event-enrol = التسجيل في البرنامج
admin-event-withdraw = السحب
admin-event-assignment = إسناد المراجِع

## Notes
admin-notes = الملاحظات
admin-note-add = إضافة ملاحظة
admin-note-save = حفظ الملاحظة
admin-note-invalid = يجب أن تتضمن الملاحظة ما بين 1 و2000 حرف، دون أحرف غير مرئية أو أحرف تحكم.

## Staff accounts
admin-staff-title = حسابات الموظفين
admin-staff-create = إنشاء حساب
admin-staff-created = تم إنشاء الحساب. تُسلَّم كلمة المرور المؤقتة هذه إلى صاحب الحساب: لا تظهر إلا مرة واحدة، ويجب تغييرها عند أول تسجيل دخول.
admin-role = الدور
admin-account = الحساب
admin-active = مفعَّل
admin-inactive = معطَّل
admin-activate = تفعيل
admin-deactivate = تعطيل
admin-error-email = يُرجى إدخال عنوان بريد إلكتروني صحيح.
admin-error-email-taken = يوجد مسبقًا حساب بهذا البريد الإلكتروني.
admin-error-name = يُرجى إدخال اسم لا يتجاوز 100 حرف.
admin-error-role = يُرجى اختيار دور.
admin-error-region = يُرجى اختيار رمز جهة موجود، من 01 إلى 12.
admin-error-role-not-yours = لا يمكنك إنشاء حساب بهذا الدور أو في هذه الجهة.

## Audit log
admin-audit-title = سجل التدقيق
admin-audit-action = الإجراء
admin-audit-action-sign-in = تسجيل الدخول
admin-audit-action-sign-in-failed = دخول مرفوض
admin-audit-action-sign-out = تسجيل الخروج
admin-audit-action-password-changed = تغيير كلمة المرور
admin-audit-action-view-application = الاطلاع على ملف
admin-audit-action-decision = قرار
admin-audit-action-recommendation = توصية
admin-audit-action-assignment = تعيين مراجع
admin-audit-action-note = إضافة ملاحظة
admin-audit-action-export = تصدير
admin-audit-action-staff-created = إنشاء حساب
admin-audit-action-staff-activated = إعادة تفعيل حساب
admin-audit-action-staff-deactivated = تعطيل حساب
admin-audit-action-target-changed = تعديل الهدف
admin-audit-action-assisted-registration = تسجيل بمساعدة
admin-audit-subject-application = الملف
admin-audit-subject-reference = الملف
admin-audit-subject-staff = الحساب
admin-audit-subject-region = الجهة
admin-audit-subject-reviewer = المراجع
admin-audit-subject-applications = لائحة الملفات
admin-audit-subject = الموضوع
admin-audit-detail = التفاصيل
admin-audit-client = عنوان IP
admin-when = التاريخ

## Follow-up after acceptance
role-incubator-coach = مؤطرة بالحاضنة
admin-nav-follow-up = التتبع
admin-nav-cohorts = الأفواج
admin-nav-sites = الحاضنات والمراكز
admin-event-cohort-move = تغيير الفوج
admin-refused-enrol-in-cohort = تُسجَّل المرأة المقبولة في فوج، من صفحة الفوج.
admin-saved = تم الحفظ.
admin-edit = تعديل
admin-cancel = إلغاء
admin-yes = نعم
admin-no = لا
admin-confirm = تأكيد
admin-today = اليوم:
admin-until = إلى غاية
admin-date = التاريخ
admin-time = الساعة
admin-due = موعد الاستحقاق
admin-overdue = متأخر
admin-days-late = { $days ->
    [one] تأخر يوم واحد
    [two] تأخر يومين
    [few] تأخر { $days } أيام
   *[other] تأخر { $days } يوما
}
admin-error-choose = اختاري جوابا من اللائحة.
admin-error-text = هذا النص طويل جدا أو يحتوي على رموز غير مرئية.
admin-error-date = أدخلي تاريخا صحيحا.
admin-error-date-future = لا يمكن أن يكون هذا التاريخ في المستقبل.
admin-error-time = أدخلي ساعة، مثلا 09:30.
admin-error-province = اختاري إقليما من الجهة.
admin-error-capacity = أدخلي طاقة استيعابية بين 0 و10000.

## Sites
admin-sites-title = الحاضنات والمراكز
admin-sites-none = لا توجد أي حاضنة أو مركز مسجل حاليا.
admin-site-kind = النوع
admin-site-kind-incubator = حاضنة اجتماعية
admin-site-kind-centre = مركز اجتماعي
admin-site-staff = الأطر الملحقة
admin-site-cohorts = الأفواج
admin-site-add = إضافة حاضنة أو مركز
admin-site-change = تعديل هذا الموقع
admin-capacity = الطاقة الاستيعابية
admin-name-fr = الاسم بالفرنسية
admin-name-ar = الاسم بالعربية
admin-address-fr = العنوان بالفرنسية
admin-address-ar = العنوان بالعربية
admin-error-site-name = أدخلي اسما من 2 إلى 120 حرفا.
admin-error-site-in-use = أفواج أو أطر ملحقة به: لم يعد من الممكن تغيير نوعه.
admin-staff-site = الحاضنة أو المركز الملحق به
admin-error-coach-site = تُلحق المؤطرة بحاضنة في جهتها: اختاريها.
admin-error-site = اختاري مركزا من جهة هذا الحساب.

## Cohorts
admin-cohort-change = تعديل الفوج
admin-error-capacity-below-members = لا يمكن أن تقل الطاقة الاستيعابية عن عدد النساء المسجلات.
admin-cohorts-title = الأفواج
admin-cohorts-none = لا يوجد أي فوج حاليا.
admin-cohort = الفوج
admin-incubator = الحاضنة
admin-coach = المؤطرة
admin-cohort-dates = التواريخ
admin-cohort-members = النساء المسجلات
admin-cohort-create = فتح فوج
admin-cohort-created = تم فتح الفوج.
admin-cohort-name = اسم الفوج
admin-cohort-starts = البداية
admin-cohort-ends = النهاية
admin-cohort-rhythm = عدد الأيام بين زيارتَي تأطير
admin-cohort-empty = لم تُسجَّل أي امرأة في هذا الفوج بعد.
admin-error-incubator = اختاري حاضنة من جهتك.
admin-error-cohort-name = أدخلي اسما من 2 إلى 120 حرفا.
admin-error-ends-before = لا يمكن أن تسبق النهاية البداية.
admin-error-cohort-capacity = أدخلي طاقة استيعابية بين 1 و200.
admin-error-rhythm = أدخلي عددا من الأيام بين 1 و120.
admin-error-coach = اختاري مؤطرة من هذه الحاضنة.
admin-error-cohort = اختاري فوجا آخر من جهتها.
admin-enrolled-on = تاريخ التسجيل
admin-next-visit = الزيارة المقبلة
admin-milestones-reached = المراحل المنجزة
admin-move = تغيير الفوج
admin-move-to = نقل إلى…
admin-moved = غيّرت فوجها؛ ويرافقها سجلها.
admin-enrol-title = تسجيل نساء مقبولات
admin-enrol-choose = نساء مقبولات في الجهة لم يُسجَّلن بعد
admin-enrol = تسجيل النساء المختارات
admin-enrol-none-chosen = اختاري امرأة واحدة على الأقل لتسجيلها.
admin-enrolled = { $enrolled ->
    [one] سُجلت امرأة واحدة
    [two] سُجلت امرأتان
    [few] سُجلت { $enrolled } نساء
   *[other] سُجلت { $enrolled } امرأة
}{ $refused ->
    [0] .
   *[other] ؛ لم تُسجَّل { $refused } (الفوج مكتمل أو تغيّر الملف).
}
admin-refused-cohort-full = الفوج مكتمل.
admin-refused-not-accepted = هذا الملف غير مقبول في جهة الفوج.
admin-refused-not-enrolled = لم تعد مسجلة في فوج تتبعينه.
admin-sessions = حصص التكوين
admin-sessions-none = لا توجد أي حصة مبرمجة.
admin-module = الوحدة
admin-place = المكان
admin-trainer = المكوِّنة أو المكوِّن
admin-attendance = الحاضرات
admin-take-attendance = تسجيل الحضور
admin-session-schedule = برمجة حصة
admin-session-scheduled = تمت برمجة الحصة.
admin-duration = المدة (بالدقائق)
admin-error-session-outside-cohort = يجب أن تكون الحصة بين بداية الفوج ونهايته.
admin-error-duration = أدخلي مدة من 15 إلى 600 دقيقة.
admin-error-place = أدخلي المكان (من 2 إلى 120 حرفا).
admin-error-trainer = أدخلي اسم المكوِّنة أو المكوِّن.
admin-module-business-plan = مخطط المقاولة
admin-module-accounting = المحاسبة
admin-module-marketing = التسويق
admin-module-legal-forms = الأشكال القانونية والتعاونيات
admin-module-digital-tools = الأدوات الرقمية
admin-module-leadership = القيادة
admin-module-financial-literacy = التربية المالية
admin-module-sales = تقنيات البيع

## Attendance
admin-sheet-title = ورقة الحضور
admin-back-to-cohort = العودة إلى الفوج
admin-attendance-rate = نسبة الحضور
admin-mark-present = حاضرة
admin-mark-absent = غائبة
admin-mark-excused = غائبة بعذر
admin-absence-reason = سبب الغياب
admin-marked-by = سجّلته
admin-sheet-save = حفظ ورقة الحضور
admin-sheet-saved = { $count ->
    [0] لم تتغير أي علامة.
    [one] حُفظت علامة واحدة.
    [two] حُفظت علامتان.
    [few] حُفظت { $count } علامات.
   *[other] حُفظت { $count } علامة.
}
admin-sheet-invalid = لم يُحفظ أي شيء: صحّحي الأسطر المشار إليها.
admin-sheet-not-yet = لم تُعقد هذه الحصة بعد: يُسجَّل الحضور ابتداء من يومها.
admin-sheet-conflict = { $name }: سجّلت { $by } «{ $now }» في الأثناء؛ ولم يُحفظ اختيارك «{ $asked }».
admin-refused-not-on-sheet = ليست في ورقة حضور هذه الحصة.
admin-error-reason = السبب طويل جدا (200 حرف على الأكثر) أو يحتوي على رموز غير مرئية.
admin-error-excused-reason = للغياب بعذر سبب: اكتبيه.
admin-excused-count = غياب بعذر

## Coaching and work list
admin-work-title = التتبع
admin-work-overdue = زيارات متأخرة
admin-work-this-week = زيارات هذا الأسبوع
admin-work-surveys = استبيانات يجب إنجازها
admin-work-none = لا شيء هنا.
admin-work-first = أول { $shown } من أصل { $total }.
admin-visit-record = تسجيل زيارة
admin-visit-recorded = سُجلت الزيارة؛ وحُدد موعد الزيارة المقبلة.
admin-visit-kind = نوع الزيارة
admin-visit-kind-individual = فردية
admin-visit-kind-group = جماعية
admin-visit-kind-on-site = في مكان المشروع
admin-visit-notes = ملاحظات
admin-visit-next-steps = الخطوات المقبلة
admin-error-date-before-enrolment = هذا التاريخ سابق لتسجيلها.
admin-surveys = استبيانات التتبع
admin-wave = الاستبيان
admin-wave-baseline = عند التسجيل
admin-wave-month-6 = بعد 6 أشهر
admin-wave-month-12 = بعد 12 شهرا
admin-survey-answers = الأجوبة
admin-survey-not-yet = لم يحن موعده بعد
admin-survey-record = حفظ الاستبيان
admin-survey-recorded = حُفظ الاستبيان.
admin-survey-operating = النشاط قائم
admin-survey-revenue = رقم المعاملات الشهري
admin-survey-jobs = مناصب الشغل المحدثة
admin-survey-jobs-women = مناصب الشغل المحدثة (نساء)
admin-survey-jobs-men = مناصب الشغل المحدثة (رجال)
admin-survey-formalised = النشاط مُهيكل قانونيا
admin-survey-income = دخلها الشهري
admin-error-jobs = أدخلي عددا بين 0 و500.
admin-error-survey-not-due = لم يحن موعد هذا الاستبيان بعد.
admin-band-none = لا شيء
admin-band-up-to-1000 = إلى غاية 1000 درهم
admin-band-up-to-3000 = من 1001 إلى 3000 درهم
admin-band-up-to-6000 = من 3001 إلى 6000 درهم
admin-band-over-6000 = أكثر من 6000 درهم

## Her page
admin-milestone-confirm = تأكيد مرحلة منجزة
admin-legal-form-if-created = الشكل القانوني (لمرحلة «إحداث الشكل القانوني»)
admin-survey-due = يجب إنجازه
admin-date-range = من { $from } إلى { $to }
admin-beneficiary-title = تتبع مستفيدة
admin-left-cohort = غادرت الفوج
admin-open-application = الاطلاع على ملف الترشيح
admin-milestones = مراحل المشروع
admin-milestone = المرحلة
admin-milestone-state = أُنجزت
admin-reached = أُنجزت في
admin-not-reached = ليس بعد
admin-reached-on = تاريخ الإنجاز
admin-document = الوثيقة (اختياري)
admin-milestone-confirmed = تم تأكيد المرحلة.
admin-refused-milestone-reached = هذه المرحلة مؤكدة من قبل.
admin-legal-form = الشكل القانوني
admin-error-legal-form = اختاري الشكل القانوني المُحدث.
admin-milestone-business-plan-drafted = تحرير مخطط المقاولة
admin-milestone-plan-validated = مصادقة اللجنة على المخطط
admin-milestone-legal-form-created = إحداث الشكل القانوني
admin-milestone-bank-account-opened = فتح حساب بنكي
admin-milestone-first-sale = أول عملية بيع
admin-milestone-financing-received = التوصل بالتمويل
admin-legal-form-auto-entrepreneur = مقاول ذاتي
admin-legal-form-cooperative = تعاونية
admin-legal-form-company = شركة
admin-timeline = المسار
admin-timeline-enrolled = سُجلت في الفوج
admin-timeline-left-moved = غادرت الفوج (تغيير)
admin-timeline-left-withdrawn = غادرت الفوج (انسحاب)
admin-timeline-left-completed = أنهت الفوج
admin-timeline-present = حضرت الحصة
admin-timeline-absent = غابت عن الحصة
admin-timeline-excused = غابت بعذر عن الحصة
admin-timeline-visit = زيارة تأطير
admin-timeline-milestone = مرحلة منجزة
admin-timeline-financing-approved = المصادقة على تمويل
admin-timeline-survey = استبيان التتبع

## Financing
admin-financing = التمويل
admin-financing-none = لا يوجد أي تمويل حاليا.
admin-financing-kind = نوع التمويل
admin-financing-kind-grant = منحة
admin-financing-kind-interest-free-loan = قرض بدون فائدة
admin-financing-kind-micro-credit = قرض صغير
admin-financing-kind-in-kind = معدات عينية
admin-funder = الممول
admin-funder-ministry = الوزارة
admin-funder-indh = المبادرة الوطنية للتنمية البشرية
admin-funder-regional-council = مجلس الجهة
admin-funder-provincial-council = المجلس الإقليمي
admin-funder-other = شريك آخر
admin-funder-detail = اسم الشريك الآخر
admin-error-funder-detail = اذكري اسم الشريك.
admin-budget-line-ministry = الوزارة
admin-budget-line-indh = المبادرة الوطنية للتنمية البشرية
admin-budget-line-councils = مجالس الجهات والأقاليم
admin-budget-line-other = شركاء آخرون
admin-budget = الميزانية (الحصة المؤداة)
admin-approved = المصادق عليه
admin-approved-on = تاريخ المصادقة
admin-paid = المؤدى
admin-to-plan = الباقي للبرمجة
admin-amount = المبلغ
admin-amount-dh = المبلغ (درهم)
admin-amount-approved-dh = المبلغ المصادق عليه (درهم)
admin-error-amount = أدخلي مبلغا بالدرهم، مثلا 12500 أو 12500.50.
admin-line-add = إضافة تمويل
admin-line-added = تمت المصادقة على التمويل.
admin-tranche = الدفعة
admin-tranche-add = برمجة دفعة
admin-tranche-added = تمت برمجة الدفعة.
admin-tranche-moved = تم تحيين الدفعة.
admin-tranche-state = الحالة
admin-planned-on = مبرمجة في
admin-paid-on = تاريخ الأداء
admin-payment-reference = مرجع الأداء
admin-tranche-planned = مبرمجة
admin-tranche-approved = مصادق عليها
admin-tranche-paid = مؤداة
admin-tranche-reconciled = تمت مطابقتها
admin-tranche-step-approve = المصادقة
admin-tranche-step-pay = تسجيل الأداء
admin-tranche-step-reconcile = المطابقة
admin-error-tranche-over-line = ستتجاوز الدفعات المبلغ المصادق عليه.
admin-error-overpaid = سيتجاوز الأداء المبلغ المصادق عليه.
admin-error-payment-reference = أدخلي مرجع الأداء (من 3 إلى 60 حرفا).
admin-refused-tranche-state = هذه الدفعة ليست في هذه المرحلة.

## Dashboard: follow-up
admin-dashboard-follow-up = مواكبة المستفيدات
admin-dashboard-financing = التمويل حسب الممول
admin-operating-6 = أنشطة قائمة بعد 6 أشهر
admin-operating-12 = أنشطة قائمة بعد 12 شهرا

## Audit log: follow-up
admin-audit-action-site-saved = تسجيل حاضنة أو مركز
admin-audit-action-cohort-saved = فتح فوج
admin-audit-action-enrolment = تسجيل في فوج
admin-audit-action-cohort-move = تغيير الفوج
admin-audit-action-session-scheduled = برمجة حصة
admin-audit-action-attendance-recorded = تسجيل الحضور
admin-audit-action-visit-recorded = تسجيل زيارة
admin-audit-action-milestone-confirmed = تأكيد مرحلة
admin-audit-action-survey-recorded = تسجيل استبيان
admin-audit-action-financing-approved = المصادقة على تمويل
admin-audit-action-tranche-planned = برمجة دفعة
admin-audit-action-tranche-approved = المصادقة على دفعة
admin-audit-action-tranche-paid = أداء دفعة
admin-audit-action-tranche-reconciled = مطابقة دفعة
admin-audit-subject-site = الموقع
admin-audit-subject-cohort = الفوج
admin-audit-subject-session = الحصة

## The programme's report: indicators and the axes they are split by
admin-report-all = المجموع
admin-indicator-received = الترشيحات المتوصل بها
admin-indicator-received-definition = جميع الترشيحات المودعة، كيفما كانت مرحلتها.
admin-indicator-accepted = النساء المقبولات
admin-indicator-accepted-definition = الترشيحات المقبولة التي تشغل مقعدا من الهدف الجهوي، سواء التحقت صاحبتها بالبرنامج بعد ذلك أم لا.
admin-indicator-waiting-list = في لائحة الانتظار
admin-indicator-waiting-list-definition = الترشيحات الموضوعة في لائحة انتظار جهتها.
admin-indicator-rejected = الترشيحات غير المقبولة
admin-indicator-rejected-definition = الترشيحات المرفوضة بعد الدراسة.
admin-indicator-enrolled = النساء الملتحقات بالبرنامج
admin-indicator-enrolled-definition = النساء المقبولات ثم المسجلات في فوج بإحدى حاضنات جهتهن.
admin-indicator-trained = النساء المكوَّنات
admin-indicator-trained-definition = النساء الملتحقات اللواتي حضرن حصة واحدة على الأقل من 4 وحدات من أصل 8 وحدات تكوينية.
admin-indicator-coached = النساء المواكَبات
admin-indicator-coached-definition = النساء الملتحقات اللواتي تلقين زيارة واحدة على الأقل من المواكِبة.
admin-indicator-formalised = المشاريع المهيكلة
admin-indicator-formalised-definition = النساء الملتحقات اللواتي اتخذ مشروعهن شكلا قانونيا (مقاولة ذاتية أو تعاونية أو شركة)، بعد تأكيد هذه المرحلة.
admin-indicator-first-sale = أولى المبيعات
admin-indicator-first-sale-definition = النساء الملتحقات اللواتي حقق مشروعهن أول عملية بيع، بعد تأكيد هذه المرحلة.
admin-indicator-financed = النساء المموَّلات
admin-indicator-financed-definition = النساء الملتحقات اللواتي لهن خط تمويل واحد مصادق عليه على الأقل، كيفما كانت الجهة المموِّلة.
admin-indicator-paid = التمويلات المصروفة
admin-indicator-paid-definition = النساء الملتحقات اللواتي توصلن بشطر واحد على الأقل من التمويل.
admin-indicator-operating-6 = نشاط قائم بعد 6 أشهر
admin-indicator-operating-6-definition = النساء الملتحقات اللواتي كان نشاطهن قائما عند بحث الأشهر الستة.
admin-indicator-operating-12 = نشاط قائم بعد 12 شهرا
admin-indicator-operating-12-definition = النساء الملتحقات اللواتي كان نشاطهن قائما عند بحث الاثني عشر شهرا.
admin-reached = مرحلة المواكبة المحققة
admin-axis-region = الجهة
admin-axis-province = الإقليم أو العمالة
admin-axis-age-band = الفئة العمرية
admin-axis-area = الوسط (حضري أو قروي)
admin-axis-sector = القطاع
admin-axis-stage = مرحلة المشروع
admin-axis-channel = قناة التسجيل
admin-axis-education = المستوى الدراسي
admin-axis-reason = سبب عدم القبول
admin-nav-report = الحصيلة
admin-report-title = حصيلة البرنامج
admin-report-indicator = المؤشر
admin-report-rows = في الأسطر
admin-report-columns = في الأعمدة
admin-report-no-split = بدون تفصيل
admin-report-from = المودعة ابتداء من
admin-report-to = إلى غاية
admin-report-show = عرض
admin-report-suppressed = الأعداد التي تقل عن 5 نساء مبينة بـ «‎< 5‎»، والعلامة «×» تخفي رقما قد يسمح بإعادة حسابها.
admin-report-chart-regions = { $indicator } حسب الجهة
admin-report-chart-target = هدف الجهة (عدد المقاعد)
admin-report-chart-months = { $indicator } شهرا بشهر، حسب تاريخ الإيداع
admin-report-chart-map = { $indicator }: خريطة الجهات الاثنتي عشرة
admin-report-count = العدد
admin-report-country = كل التراب الوطني
admin-report-period = فترة الإيداع
admin-report-as-of = المعطيات بتاريخ
admin-report-partner-note = أرقام الشركاء: الملفات المودعة إلى نهاية الشهر الماضي، كما كانت في بداية هذا الشهر، وتحيَّن مرة كل شهر. لا يُقاطَع الإقليم مع أي محور آخر.
admin-report-partner-not-crossed = لا يتقاطع هذان المحوران بالنسبة للشركاء: اختاروا محورين مختلفين، والإقليم وحده.
admin-report-reason-rejected-only = لا يقسِّم السببُ إلا الترشيحات غير المقبولة: اختاروا هذا المؤشر، أو محورا آخر.
admin-report-invalid = يتعذر إعداد هذه الحصيلة: يُرجى التحقق من التواريخ والتفصيلات.
admin-report-export = تنزيل هذه الحصيلة
admin-report-export-xlsx = جدول بيانات (.xlsx)، ورقة لكل مؤشر
admin-report-export-csv = CSV، سطر لكل رقم

## The partners' API keys (partners/)
admin-nav-partners = مفاتيح الشركاء
admin-partners-title = مفاتيح ولوج الشركاء
admin-partners-lead = يفتح المفتاح لشريك واجهة برمجة الشركاء: مؤشرات البرنامج، ولا يفتح أبدا بيانات شخص. يُعرض مرة واحدة فقط، ولا تحتفظ المنصة إلا ببصمته.
admin-partners-document = وصف الواجهة بصيغة OpenAPI، لمبرمجي الشريك:
admin-partner-key-issue = إصدار مفتاح
admin-partner-key-issued = صدر المفتاح. انسخيه الآن وسلميه للشريك: لن يُعرض مرة أخرى.
admin-partner-keys-none = لم يصدر أي مفتاح.
admin-partner-key-revoked-done = أُبطل المفتاح: لم يعد يفتح الواجهة.
admin-partner-key-scope = النطاق
admin-partner-key-shown = بداية المفتاح
admin-partner-key-issued-on = صدر في
admin-partner-key-expires = ينتهي في
admin-partner-key-last-used = آخر استعمال
admin-partner-key-state = الحالة
admin-partner-key-revoke = إبطال
admin-partner-key-revoke-ask = إبطال هذا المفتاح؟ يفقد الشريك الولوج فورا، بلا رجعة.
admin-partner-key-revoke-confirm = نعم، إبطال
admin-partner-key-name = الاسم (الشريك والاستعمال)
admin-partner-key-days = مدة الصلاحية (بالأيام، من 1 إلى 366)
admin-partner-key-active = ساري
admin-partner-key-expired = منتهي الصلاحية
admin-partner-key-revoked = مُبطَل
admin-partner-key-error-name = أعطي اسما للمفتاح.
admin-partner-key-error-name-chars = لا يتجاوز الاسم 100 حرف ظاهر.
admin-partner-key-error-days = أدخلي عدد أيام بين 1 و366.
admin-audit-action-partner-key-issued = إصدار مفتاح شريك
admin-audit-action-partner-key-revoked = إبطال مفتاح شريك
admin-audit-action-partner-api-call = استدعاء واجهة الشركاء
