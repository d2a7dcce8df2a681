import Foundation
import Hummingbird
import KnowledgeGraph

extension Explorer {
    /// Every route: pages and `/api/…`, each answering GET and HEAD; nothing writes.
    public func router() -> Router<BasicRequestContext> {
        let router = Router()
        router.add(middleware: RequestGuard())
        addRoutes(ReadingRoutes(router: router))
        return router
    }

    private func addRoutes(_ router: ReadingRoutes) {
        router.get("/") { request, _ in try await self.page(request) { _, f in try self.networkPage(f) } }
        router.get("/node") { request, _ in try await self.page(request) { v, f in try self.nodePage(v, f) } }
        router.get("/path") { request, _ in try await self.page(request) { v, f in try await self.pathPage(v, f) } }
        router.get("/search") { request, _ in try await self.page(request) { v, f in try self.searchPage(v, f) } }
        router.get("/documents") { request, _ in try await self.page(request) { _, _ in self.documentsPage() } }
        router.get("/document") { request, _ in try await self.page(request) { v, _ in try self.documentPage(v) } }
        router.get("/api/:name") { request, context in
            let name = context.parameters.get("name") ?? ""
            do {
                let values = Self.values(request)
                let data = try await self.apiReport(name, values, try Filters(values))
                return Self.response(.ok, type: "application/json; charset=utf-8", body: data)
            } catch let error as RequestError {
                let data = (try? Self.json(["error": error.message])) ?? Data()
                return Self.response(Self.status(error), type: "application/json; charset=utf-8", body: data)
            }
        }
    }

    /// A page, or the error page with the status the error calls for.
    func page(_ request: Request, _ build: (QueryValues, Filters) async throws -> String) async throws -> Response {
        do {
            let values = Self.values(request)
            let html = try await build(values, try Filters(values))
            return Self.response(.ok, type: "text/html; charset=utf-8", body: Data(html.utf8))
        } catch let error as RequestError {
            let html = HTML.page(title: "Ошибка", body: "<pre class=\"error\" id=\"error\">\(HTML.text(error.message))</pre>")
            return Self.response(Self.status(error), type: "text/html; charset=utf-8", body: Data(html.utf8))
        }
    }

    static func status(_ error: RequestError) -> HTTPResponse.Status {
        switch error {
        case .badRequest: return .badRequest
        case .notFound: return .notFound
        case .tooSlow: return .serviceUnavailable
        }
    }

    /// The query parameters (Hummingbird's `queryParameters` decode values but not `+`, which
    /// forms send for spaces).
    static func values(_ request: Request) -> QueryValues {
        QueryValues(query: request.uri.query)
    }

    static func response(_ status: HTTPResponse.Status, type: String, body: Data) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = type
        headers[.init("X-Content-Type-Options")!] = "nosniff"
        headers[.init("Content-Security-Policy")!] = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: body)))
    }
}

/// Registers each route for GET and HEAD.
struct ReadingRoutes {
    let router: Router<BasicRequestContext>

    func get(_ path: RouterPath, use handler: @escaping @Sendable (Request, BasicRequestContext) async throws -> Response) {
        router.get(path, use: handler)
        router.head(path, use: handler)
    }
}
