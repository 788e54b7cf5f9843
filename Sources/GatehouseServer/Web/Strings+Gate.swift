import GatehouseCore

extension Strings {
    /// The gate screen's and the record lists' text added with the guard's day (requests under way, re-measures,
    /// proposals, who recorded each passage).
    static let gateCatalog: [String: LocalizedText] = [
        "lowest_reading": t("最低可信读数（℃）", "Lowest believable reading (°C)"),
        "lowest_reading_hint": t("低于此读数时提示重测（34.0至36.0℃，默认35.0）：室外额头或体温枪受冷时读数偏低",
                                 "Readings below this are taken again (34.0–36.0 °C, default 35.0): outdoors a cold forehead or thermometer reads low"),
        "admit_proposed": t("门岗提交登记备案后、社区核实前，允许其进入", "Let people proposed for registration at the gate in before the office has checked"),
        "direction_short": t("进/出", "In/out"),
        "decision_short": t("结果", "Result"),
        "temperature_short": t("体温", "Temp."),
        "recorded_by_short": t("登记人", "By"),
        "propose_registration": t("提交登记备案，由社区核实后登记为本社区人员", "Propose registration with this community (the office checks, then registers)"),
        "retry": t("重试", "Retry"),
        "submitting": t("正在提交…", "Submitting…"),
        "network_slow_still_submitting": t("网络慢，仍在提交…", "The network is slow; still submitting…"),
        "network_error_kept": t("网络中断，本次登记未送达：已保留，请点重试", "The network is down and this was not delivered: it is kept — tap Retry"),
        "late_result_for": t("上一位", "Previous person"),
        "decision_allow": t("放行", "Allow"),
        "decision_deny": t("不予放行", "Deny"),
        "decision_refer": t("转交处置", "Refer"),
        "camera_denied": t("无法打开摄像头：请允许浏览器使用摄像头，或用扫码枪", "The camera cannot be opened: allow the browser to use it, or use a scanner"),
        "card_photo": t("身份证照片", "ID card photo"),
        "card_photo_hint": t("请核对本人与证件照片（仅本次显示，不保存）", "Compare the person with the card's photo (shown for this read only, never stored)"),
        "registration_proposed_badge": t("已提交登记备案，待社区核实", "Proposed for registration; the office has not checked yet"),
        "registration_proposals": t("门岗提交的登记备案（待核实）", "Registrations proposed at the gate (to check)"),
        "registration_proposals_hint": t("核查、核对、核实后，选择其住户确认登记；不符合的请填写理由后不予登记",
                                         "Check the person, then confirm them into their household; otherwise reject with a reason"),
        "no_registration_proposals": t("暂无待核实的登记", "No proposals to check"),
        "proposed_by": t("提交人", "proposed by"),
        "confirm_into_household": t("确认登记", "Confirm"),
        "remeasures_missed": t("体温偏高未复测：", "High readings never re-measured: "),
        "late_by": t("超时", "late by"),
    ]
}
