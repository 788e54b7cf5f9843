/// Why a step of a fever case was refused.
public enum FeverCaseStepError: Error, Sendable, Equatable {
    case notNext(from: FeverCaseStage)
    case roomRequired
    case destinationRequired
    case escortRequired
    case releaseReasonRequired
    case normalTemperatureRequired
    case doctorRequired
    case agentRequired
    case textTooLong

    public var code: String {
        switch self {
        case .notNext: return "fever_step_out_of_order"
        case .roomRequired: return "room_required"
        case .destinationRequired: return "destination_required"
        case .escortRequired: return "escort_required"
        case .releaseReasonRequired: return "release_reason_required"
        case .normalTemperatureRequired: return "normal_temperature_required"
        case .doctorRequired: return "doctor_required"
        case .agentRequired: return "agent_required"
        case .textTooLong: return "text_too_long"
        }
    }

    public var message: LocalizedText {
        switch self {
        case .notNext(let from):
            return LocalizedText(zh: "当前为“\(from.label.zh)”，不能进行这一步（可能已被他人处理，请刷新）",
                                 en: "The case is at “\(from.label.en)”: this step does not follow (someone may have taken it; reload)")
        case .roomRequired: return LocalizedText(zh: "请选择或填写留观室", en: "Choose or name the observation room")
        case .destinationRequired: return LocalizedText(zh: "请填写转运去向（如 市人民医院发热门诊）", en: "Say where the person was taken (e.g. the fever clinic)")
        case .escortRequired: return LocalizedText(zh: "请填写转运方式或负责人（如 120救护车）", en: "Say how or by whom (e.g. ambulance 120)")
        case .releaseReasonRequired: return LocalizedText(zh: "请选择解除原因", en: "Choose why the person is released")
        case .normalTemperatureRequired: return LocalizedText(zh: "复测体温须低于发热标准", en: "The re-measured temperature must be under the fever threshold")
        case .doctorRequired: return LocalizedText(zh: "请填写作出决定的医生", en: "Name the doctor who decided")
        case .agentRequired: return LocalizedText(zh: "请填写消毒剂（如 84消毒液 1:100）", en: "Name the disinfectant (e.g. chlorine 1:100)")
        case .textTooLong: return LocalizedText(zh: "每项最多60字", en: "At most 60 characters each")
        }
    }
}
