import GatehouseCore

extension Strings {
    /// Text of the community's personal-data page: retention, purges, stand-down.
    static let privacyCatalog: [String: LocalizedText] = [
        "privacy_page": t("个人信息保护", "Personal data"),
        "privacy_hint": t("个人信息仅用于疫情防控。超过保存期限的通行、登记、发热、隔离等个人信息每天凌晨自动删除，只保留每日统计数字；已登记的住户和仍在处置的发热、隔离记录保留到办结。",
                          "Personal data serves epidemic control only. Passages, registrations, fever cases, quarantine records and the like older than the retention period are deleted automatically every night; only the daily figures stay. Registered residents, and fever cases and quarantines still open, stay until they are closed."),
        "retention_days_label": t("保存期限（天，7–365）", "Retention (days, 7–365)"),
        "retention_saved": t("保存期限已更新", "Retention period saved"),
        "retention_invalid": t("保存期限应为7到365之间的整数天", "The retention period is a whole number of days from 7 to 365"),
        "purge_now": t("立即删除到期信息", "Delete expired data now"),
        "purge_done": t("已删除到期信息", "Expired data deleted"),
        "purge_log": t("删除记录（只记数量）", "Purge log (counts only)"),
        "no_purges": t("尚无删除记录", "Nothing purged yet"),
        "purge_kind_retention": t("到期删除", "Retention"),
        "purge_kind_standDown": t("解除防控", "Stand-down"),
        "purge_by_job": t("系统（每日任务或命令）", "System (daily job or command)"),
        "purge_rows": t("删除条数", "Rows removed"),
        "purge_detail": t("明细", "Detail"),
        "daily_figures": t("历史每日统计（个人信息删除后保留）", "Daily figures kept after purging"),
        "no_daily_figures": t("尚无历史统计", "No figures kept yet"),
        "day": t("日期", "Day"),
        "entries_label": t("进", "In"),
        "exits_label": t("出", "Out"),
        "refused_label": t("劝返", "Refused"),
        "abnormal_label": t("体温异常", "Abnormal"),
        "stand_down": t("解除防控（删除全部个人信息）", "Stand down (delete all personal data)"),
        "stand_down_hint": t("疫情结束后使用：删除本社区全部个人信息（住户、通行证、通行记录、登记、发热和隔离记录、照片），居民和房东账号停用，卡点不再登记。此操作不可撤销。请输入社区名称确认。",
                             "For when the epidemic is over: deletes all personal data of this community (residents, passes, passages, registrations, fever and quarantine records, photos), disables resident and landlord accounts, and stops the gates. This cannot be undone. Type the community's name to confirm."),
        "stand_down_confirm": t("社区名称", "Community name"),
        "stand_down_mismatch": t("输入的名称与社区名称不一致，未执行", "The name does not match the community's: nothing was deleted"),
        "stood_down_notice": t("本社区已解除防控", "This community has stood down"),
        "reveal_reason_case": t("查看事由（如：联系转运、上报卫健部门）", "Why (e.g. arranging the transfer, reporting to the health department)"),
        "reveal_audited_case": t("本次查看已记入审计日志，本人可见。", "This view is in the audit log, and the person can see it."),
        "case_news": t("此病例有新进展，看完后点此刷新", "This case has moved on: tap here to reload when you are done"),
        "stand_down_done": t("已解除防控，全部个人信息已删除", "Stood down: all personal data deleted"),
    ]
}
