import FluentPostgresDriver
import Foundation

extension PassageLine {
    /// PostgreSQL: the query runs on a connection and each row decodes by position and type in one step. Through
    /// SQLKit every cell went through PostgresKit's general decoding (a coding-key string and several dynamic casts
    /// per cell), which took half of an export's time.
    static func select(_ query: SQLQueryString, on sql: any SQLDatabase, postgres: any PostgresDatabase) async throws -> [PassageLine] {
        var serializer = SQLSerializer(database: sql)
        query.serialize(to: &serializer)
        var bindings = PostgresBindings()
        for value in serializer.binds {
            guard let bound = value as? any PostgresThrowingDynamicTypeEncodable else {
                throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "cannot bind \(type(of: value))"))
            }
            try bindings.append(bound)
        }
        let statement = PostgresQuery(unsafeSQL: serializer.sql, binds: bindings)
        let result = try await postgres.withConnection { $0.query(statement, logger: postgres.logger) }.get()
        return try result.rows.map { row in
            let (id, community, checkpoint, operatorID, person, household, direction, readings, tenths, status, decision, reasons,
                 name, phone, at) = try row.decode((UUID, UUID, UUID, UUID, UUID?, UUID?, String, String, Int, String, String, String,
                                                    String, String, Date).self)
            return PassageLine(id: id, communityID: community, checkpointID: checkpoint, operatorID: operatorID, personID: person,
                               householdID: household, direction: direction, readings: readings, temperatureTenths: tenths,
                               status: status, decision: decision, reasons: reasons, nameMasked: name, phoneMasked: phone, recordedAt: at)
        }
    }
}
