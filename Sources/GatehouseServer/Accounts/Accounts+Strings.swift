import GatehouseCore

extension Strings {
    /// Text of the account's security page and of ending accounts' access.
    static let accountCatalog: [String: LocalizedText] = [
        "account_security": t("账号与安全", "Account and security"),
        "change_password": t("修改密码", "Change password"),
        "current_password": t("当前密码", "Current password"),
        "new_password": t("新密码（至少8位）", "New password (at least 8 characters)"),
        "new_password_again": t("再次输入新密码", "New password again"),
        "password_changed": t("密码已修改；其他手机和电脑上的登录已全部退出", "Password changed; every other phone and computer signed in to this account is signed out"),
        "sign_out_everywhere": t("退出所有设备", "Sign out everywhere"),
        "sign_out_everywhere_hint": t("手机丢失或借给别人登录过时使用：本账号在所有手机、电脑上的登录和接口令牌立即失效，需重新登录。",
                                      "For a lost phone or one someone else used: every sign-in and API token of this account ends at once; sign in again afterwards."),
        "signed_out_everywhere": t("已退出所有设备，请重新登录", "Signed out everywhere; sign in again"),
        "account_state": t("账号状态", "Account"),
        "account_active": t("正常", "Active"),
        "account_disabled": t("已停用", "Disabled"),
        "account_locked": t("登录已锁定", "Sign-in locked"),
        "disable_account": t("停用", "Disable"),
        "enable_account": t("启用", "Enable"),
        "unlock_account": t("解除锁定", "Lift the lock"),
        "account_disabled_notice": t("账号已停用：其所有登录和接口令牌已立即失效", "Account disabled: all its sign-ins and API tokens have ended"),
        "account_enabled_notice": t("账号已启用，可重新登录", "Account enabled: it can sign in again"),
        "account_unlocked_notice": t("已解除登录锁定", "Sign-in lock lifted"),
    ]
}
