import Fluent
import Foundation
import GatehouseCore
import GatehouseStore

/// Stores a person's photo: checked by content, metadata removed, sealed.
struct PhotoStore {
    let services: GatehouseServices
    let db: any Database

    func attach(_ bytes: Data, toPersonOf passage: Passage, by user: UUID) async throws {
        guard let person = try await Person.find(passage.$person.id, on: db) else { throw AppError.notFound }
        let photo = try photo(bytes, community: passage.communityID, by: user)
        try await db.writeTransaction { tx in
            try await photo.create(on: tx)
            person.photoID = photo.id
            try await person.save(on: tx)
        }
    }

    /// A checked, cleaned and sealed photo (not yet stored): JPEG or PNG by content, metadata removed.
    func photo(_ bytes: Data, community: UUID, by user: UUID) throws -> Photo {
        let clean: (kind: ImageSanitizer.Kind, data: Data)
        let result = Result { () throws(ImageSanitizer.Failure) -> (kind: ImageSanitizer.Kind, data: Data) in try ImageSanitizer.sanitize(bytes) }
        switch result {
        case .success(let value): clean = value
        case .failure(let failure):
            throw AppError(failure == .tooLarge(limit: ImageSanitizer.defaultLimit) ? .payloadTooLarge : .unprocessableEntity,
                           "invalid_photo", failure.message)
        }
        let photoID = UUID()
        let sealed = services.sealer.sealData(clean.data, context: "photo/" + photoID.uuidString)
        let photo = Photo()
        photo.id = photoID
        photo.communityID = community
        photo.keyID = sealed.keyID
        photo.sealedBox = sealed.box
        photo.contentType = clean.kind.rawValue
        photo.createdAt = services.clock.now()
        photo.createdBy = user
        return photo
    }

    /// The opened photo and its content type.
    func open(_ id: UUID) async throws -> (Data, String) {
        guard let photo = try await Photo.find(id, on: db) else { throw AppError.notFound }
        do {
            return (try services.sealer.openData(photo.sealedBox, keyID: photo.keyID, context: "photo/" + id.uuidString), photo.contentType)
        } catch {
            throw AppError.notFound
        }
    }
}
