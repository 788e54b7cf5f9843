import Foundation
import GatehouseCore

/// The interface text of every page, in Chinese and English. Templates read it as `t.key`.
enum Strings {
    static func text(_ key: String, _ language: Language) -> String {
        (merged[key] ?? LocalizedText(zh: key, en: key)).text(for: language.rawValue)
    }

    /// The whole catalog in one language, for a page context.
    static func table(_ language: Language) -> [String: String] {
        tables[language]!
    }

    /// The catalog as JSON, for the few scripts that write text.
    /// Serialised once per language: pages embed it on every request, and serialising the catalog cost a record
    /// list half its time.
    static func json(_ language: Language) -> String { jsonTables[language] ?? "{}" }

    private static let jsonTables: [Language: String] = Dictionary(uniqueKeysWithValues: Language.allCases.map { lang in
        let data = try? JSONSerialization.data(withJSONObject: table(lang), options: [.sortedKeys])
        return (lang, data.map { String(decoding: $0, as: UTF8.self) } ?? "{}")
    })

    private static let tables: [Language: [String: String]] = Dictionary(uniqueKeysWithValues: Language.allCases.map { lang in
        (lang, merged.merging(roleLabels) { a, _ in a }.mapValues { $0.text(for: lang.rawValue) })
    })

    /// Every page's text: the general catalog and those of the household and self-registration pages.
    private static let merged = catalog.merging(householdCatalog) { a, _ in a }.merging(registrationCatalog) { a, _ in a }
        .merging(healthCatalog) { a, _ in a }
        .merging(privacyCatalog) { a, _ in a }
        .merging(gateCatalog) { a, _ in a }

    private static let roleLabels = Dictionary(uniqueKeysWithValues: Role.allCases.map { ("role_" + $0.rawValue, $0.label) })

    static func t(_ zh: String, _ en: String) -> LocalizedText { LocalizedText(zh: zh, en: en) }

    static let catalog: [String: LocalizedText] = [
        "app_name": t("门岗 · 社区防疫出入管理", "Gatehouse · community gate control"),
        "app_short": t("门岗", "Gatehouse"),
        "switch_language": t("English", "中文"),
        "logout": t("退出", "Sign out"),
        "error_title": t("出错了", "Something went wrong"),
        "back_home": t("返回首页", "Back to the start page"),
        "login_title": t("登录", "Sign in"),
        "username": t("登录名", "Username"),
        "password": t("密码", "Password"),
        "password_again": t("再次输入密码", "Password again"),
        "login_button": t("登录", "Sign in"),
        "login_failed": t("登录名或密码不正确", "Wrong username or password"),
        "register_link": t("卡点工作人员首次使用？凭登记码注册", "Gate staff using this for the first time? Register with an enrolment code"),
        "register_title": t("卡点工作人员注册", "Gate staff registration"),
        "legal_warning": t("警告：非公务私自采集居民身份证信息属违法行为。", "Warning: collecting residents' ID card data outside official duty is against the law."),
        "register_once": t("首次使用时注册，无需第二次输入。请如实填写，不要录入虚假信息。", "Register once; you will not be asked again. Enter true information only."),
        "enrolment_code": t("登记码", "Enrolment code"),
        "enrolment_code_hint": t("由社区管理员提供的8位登记码", "The 8-character code your community admin gives you"),
        "check_code": t("下一步", "Next"),
        "user_code": t("用户编码", "User code"),
        "user_code_hint": t("请输入警号或身份证号", "Badge number or ID number"),
        "person_name": t("用户姓名", "Name"),
        "person_name_hint": t("请输入身份证姓名", "Name as on your ID card"),
        "phone": t("联系方式", "Phone"),
        "phone_hint": t("请输入手机号", "Mobile number"),
        "unit_name": t("单位名称", "Organisation"),
        "unit_name_hint": t("请输入使用单位名称", "Your organisation"),
        "checkpoint_name": t("卡点名称", "Checkpoint"),
        "register_button": t("注册", "Register"),
        "username_hint": t("3至32位字母、数字或下划线", "3 to 32 letters, digits or underscores"),
        "password_hint": t("至少8位", "At least 8 characters"),
        "admin_home": t("管理首页", "Administration"),
        "communities": t("社区", "Communities"),
        "community": t("社区", "Community"),
        "subdistrict": t("街道/乡镇", "Subdistrict / township"),
        "subdistricts": t("街道/乡镇", "Subdistricts / townships"),
        "district": t("区/县", "District"),
        "checkpoints": t("卡点", "Checkpoints"),
        "checkpoint": t("卡点", "Checkpoint"),
        "open": t("开放", "Open"),
        "closed": t("关闭", "Closed"),
        "open_gate": t("开放此卡点", "Open this gate"),
        "close_gate": t("关闭此卡点", "Close this gate"),
        "new_code": t("重新生成登记码", "New enrolment code"),
        "add_checkpoint": t("新增卡点", "Add a checkpoint"),
        "checkpoint_name_hint": t("如：幸福小区北门", "e.g. Xingfu Garden north gate"),
        "add": t("添加", "Add"),
        "save": t("保存", "Save"),
        "operators": t("卡点工作人员", "Gate staff"),
        "no_operators": t("尚无工作人员注册。把登记码告诉卡点工作人员，让其在登录页点击“凭登记码注册”。", "No gate staff yet. Give the enrolment code to your staff; they register from the sign-in page."),
        "one_gate_warning": t("本社区有多个卡点处于开放状态。按照规定，每个社区只保留一个进出口。", "More than one gate of this community is open. The rule is one open entrance per community."),
        "no_open_gate": t("本社区目前没有开放的卡点。", "No gate of this community is open."),
        "add_subdistrict": t("新增街道/乡镇", "Add a subdistrict / township"),
        "add_community": t("新增社区/村", "Add a community / village"),
        "community_name": t("社区名称", "Community name"),
        "address": t("地址", "Address"),
        "name": t("名称", "Name"),
        "manage": t("管理", "Manage"),
        "accounts": t("账号", "Accounts"),
        "add_account": t("新增账号", "Add an account"),
        "role": t("角色", "Role"),
        "registered_at": t("注册时间", "Registered"),
        "my_checkpoint": t("我的卡点", "My checkpoint"),
        "my_account": t("我的账号", "My account"),
        "signed_in_as": t("当前账号", "Signed in as"),
        "scope_communities": t("管辖范围内的社区", "Communities in your remit"),
        "none_yet": t("暂无", "None yet"),
        "saved": t("已保存", "Saved"),
        "enrolment_link": t("注册链接", "Registration link"),
        "gates_open_count": t("开放卡点", "Open gates"),
        "gate_title": t("卡点登记", "Gate registration"),
        "records_title": t("登记记录", "Records"),
        "record_title": t("记录详情", "Record"),
        "status_normal": t("正常", "Normal"),
        "status_abnormal": t("异常", "Abnormal"),
        "status_remeasure": t("待复测", "Re-measure"),
        "id_number": t("身份证号", "ID number"),
        "id_number_hint": t("刷卡、扫码或手工输入18位号码后回车", "Read the card, scan, or type the 18 characters and press Enter"),
        "lookup": t("查询", "Look up"),
        "no_id": t("无证登记", "No ID"),
        "no_id_hint": t("来人未带身份证件时，登记姓名、手机号并拍照", "Without an ID document: name, phone and a photo"),
        "with_id": t("有身份证", "With ID"),
        "person_card": t("人员信息", "Person"),
        "sex": t("性别", "Sex"),
        "ethnicity": t("民族", "Ethnicity"),
        "birth_date": t("出生日期", "Born"),
        "age": t("年龄", "Age"),
        "card_address": t("住址", "Address"),
        "issuing_authority": t("签发机关", "Issued by"),
        "validity": t("有效期限", "Valid"),
        "card_expired": t("已过期", "Expired"),
        "division": t("户籍地", "Registered in"),
        "photo": t("照片", "Photo"),
        "take_photo": t("拍照（可选）", "Photo (optional)"),
        "temperature": t("体温（℃）", "Temperature (°C)"),
        "temperature_other": t("其他读数", "Other reading"),
        "mask": t("已佩戴口罩", "Wearing a mask"),
        "direction": t("方向", "Direction"),
        "direction_in": t("进", "In"),
        "direction_out": t("出", "Out"),
        "confirm": t("确认登记", "Record"),
        "register_resident": t("核实无误，登记备案为本社区人员（此后凭证通行，不再重复登记）", "Verified: register with this community (no registering again afterwards)"),
        "known_person": t("已登记过，信息已自动填入", "Seen before: what is known is filled in"),
        "new_person": t("首次登记", "First registration"),
        "registered_badge": t("本社区已备案", "Registered here"),
        "not_registered_badge": t("未备案", "Not registered"),
        "remeasure": t("复测", "Re-measure"),
        "remeasure_wait": t("请休息后复测，剩余", "Rest, then re-measure; time left"),
        "remeasure_now": t("可以复测", "Re-measure now"),
        "new_person_button": t("下一位", "Next person"),
        "only_abnormal": t("只看异常", "Abnormal only"),
        "all_records": t("全部记录", "All records"),
        "time": t("时间", "Time"),
        "status": t("状态", "Status"),
        "more": t("更多", "More"),
        "operator_label": t("登记人", "Recorded by"),
        "readings": t("体温读数", "Readings"),
        "reasons": t("原因", "Reasons"),
        "decision": t("结果", "Decision"),
        "mode": t("识别方式", "Identified by"),
        "recorded_at": t("登记时间", "Recorded at"),
        "client_time": t("终端时间", "Device time"),
        "open_gate_screen": t("打开卡点登记", "Open the gate screen"),
        "devices": t("读卡器", "Card readers"),
        "add_device": t("登记读卡器", "Register a card reader"),
        "device_name": t("读卡器名称", "Reader name"),
        "device_token_once": t("读卡器令牌（只显示这一次，请配置到读卡器桥接程序）：", "Reader token (shown this once; configure it in the reader bridge):"),
        "revoke": t("停用", "Revoke"),
        "last_seen": t("最近使用", "Last used"),
        "fever_cases": t("待处置发热人员", "Pending fever cases"),
        "no_fever_cases": t("暂无待处置发热人员", "No pending fever cases"),
        "settings": t("防疫设置", "Health settings"),
        "fever_threshold": t("发热阈值（℃）", "Fever threshold (°C)"),
        "rest_minutes": t("复测前休息（分钟）", "Rest before re-measure (minutes)"),
        "alert_fever": t("发热预警", "Fever alert"),
        "reader_waiting": t("等待刷卡……", "Waiting for a card…"),
        "network_error": t("网络异常，请重试", "Network problem; try again"),
        "view": t("查看", "View"),
        "responsibility": t("谁检查、谁登记、谁负责。", "Whoever checks, registers; whoever registers, answers for it."),
    ]
}
