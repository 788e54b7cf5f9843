import FluentPostgresDriver
import Foundation

extension PassageLine {
    /// PostgreSQL: the query runs on a connection and each row decodes by position and type in one step. Through
    /// SQLKit every cell went through PostgresKit's general decoding (a coding-key string and several dynamic casts
    /// per cell), which took half of an export's time. Columns come in `columns` order.
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
            // Cell by cell with concrete types (a decode of the whole row as one generic tuple looked up type
            // metadata for every row).
            var cells = row.makeIterator()
            func next<T: PostgresDecodable>(_: T.Type) throws -> T {
                guard let cell = cells.next() else { throw PostgresDecodingError.Code.missingData }
                return try cell.decode(T.self)
            }
            let id = try next(UUID.self), community = try next(UUID.self), checkpoint = try next(UUID.self)
            let operatorID = try next(UUID.self), person = try next(UUID?.self), household = try next(UUID?.self)
            let direction = try next(String.self), readings = try next(String.self), tenths = try next(Int.self)
            let status = try next(String.self), decision = try next(String.self), reasons = try next(String.self)
            let name = try next(String.self), phone = try next(String.self), at = try next(Date.self)
            return PassageLine(id: id, communityID: community, checkpointID: checkpoint, operatorID: operatorID, personID: person,
                               householdID: household, direction: direction, readings: readings, temperatureTenths: tenths,
                               status: status, decision: decision, reasons: reasons, nameMasked: name, phoneMasked: phone,
                               recordedAt: at, keysetTime: .date(at))
        }
    }
}
