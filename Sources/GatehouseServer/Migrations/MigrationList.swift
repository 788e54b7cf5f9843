import Fluent

/// Every migration, in the one order they run. Append; never reorder or edit a released one.
enum MigrationList {
    static var all: [any Migration] {
        [
            M001CreateOrganisation(),
            M002CreateAccounts(),
            M003CreateIndexes(),
            M004CreateGate(),
            M005CreateHouseholds(),
            M006CreateSelfRegistrations(),
            M007CreateFacilities(),
            M008CreateShiftChecks(),
            M009CreateDisinfection(),
            M010CreateReturneeCheckIns(),
            M011CreateSupplyRequests(),
            M012CreateQuarantineOrders(),
            M013CreateFeverCaseEvents(),
            M014CreateAuditEvents(),
            M015CreatePoliceSupervision(),
            SessionRecord.migration,
            M016CreateRetention(),
            M017CreateAbnormalPassageIndexes(),
            M018CreatePassageRegistrationIndex(),
            M019NarrowExitIndexes(),
            M020GateAsGuardsLiveIt(),
            M021CreateKeyChecks(),
            M022SessionEpochs(),
            M023OfflinePassages(),
            M024FeverCaseHouseholdDecision(),
            M025FeverCaseFromCheckIn(),
            M026ContactMonitoring(),
            M027DisinfectionScheduleEnd(),
            M028QuarantineMinimum(),
            M029CreateStaffRoster(),
        ]
    }
}
