@testable import GatehouseServer
import LeafKit
import NIOCore
import NIOPosix
import Testing

/// A form's errors are rendered one way: `#fieldError` says a message once, escaped, where the page puts it, and
/// nothing where there is none.
@Suite struct FieldErrorTagTests {
    struct OneTemplate: LeafSource {
        let text: String
        func file(template: String, escape: Bool, on eventLoop: any EventLoop) throws -> EventLoopFuture<ByteBuffer> {
            eventLoop.makeSucceededFuture(ByteBuffer(string: text))
        }
    }

    func render(_ template: String, _ context: [String: LeafData]) async throws -> String {
        let sources = LeafSources.singleSource(OneTemplate(text: template))
        let renderer = LeafRenderer(configuration: LeafConfiguration(rootDirectory: "/"), tags: ["fieldError": FieldErrorTag()],
                                    cache: DefaultLeafCache(), sources: sources, eventLoop: MultiThreadedEventLoopGroup.singleton.any())
        let buffer = try await renderer.render(path: "page", context: context).get()
        return String(buffer: buffer)
    }

    @Test func aFieldsMessageIsSaidUnderItsFieldEscaped() async throws {
        let html = try await render(#"<input id="phone">#fieldError("errors.phone")"#, ["errors": ["phone": "请填写 <11> 位手机号"]])
        #expect(html == #"<input id="phone"><p class="field-error" role="alert" id="error-phone">请填写 &lt;11&gt; 位手机号</p>"#)
    }

    @Test func aFormsMessageNamesItsElement() async throws {
        let html = try await render(#"#fieldError("error", "trace-error")"#, ["error": "找不到此人"])
        #expect(html == #"<p class="field-error" role="alert" id="trace-error">找不到此人</p>"#)
    }

    @Test func noMessageSaysNothing() async throws {
        #expect(try await render(#"a#fieldError("errors.phone")b"#, ["errors": ["name": "x"]]) == "ab")
        #expect(try await render(#"a#fieldError("errors.phone")b"#, ["errors": ["phone": ""]]) == "ab")
        #expect(try await render(#"a#fieldError("error")b"#, [:]) == "ab")
    }

    /// Every message a view gives of a form goes through the tag: a hand-made `#if(errors.x):<p class="field-error">`
    /// would drift from the others (its role, its id).
    @Test func noViewWritesAFormErrorByHand() throws {
        let handMade = try SiteURLTests.viewFiles().filter {
            $0.text.range(of: #"#if\((errors\.[A-Za-z_]+|error|[A-Za-z]+Error)\):<p class="field-error""#, options: .regularExpression) != nil
        }.map(\.name)
        #expect(handMade == [])
    }
}
