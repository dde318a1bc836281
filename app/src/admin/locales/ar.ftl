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
    [few] { $total } ملفات
    [many] { $total } ملفًا
   *[other] { $total } ملف
}
admin-results-more = أكثر من { $total } ملف.
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
