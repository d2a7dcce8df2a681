import Foundation
import Hummingbird

/// Refuses, before any route runs, what no page may receive: requests other than GET and HEAD
/// (nothing is written), request lines longer than `Limits.maximumURILength`, bodies, and
/// paths that climb out (`..` in any spelling).
struct RequestGuard<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context,
                next: (Request, Context) async throws -> Response) async throws -> Response {
        if request.method != .get && request.method != .head {
            return refusal(.methodNotAllowed, "this server only reads: use GET")
        }
        if request.uri.description.utf8.count > Limits.maximumURILength {
            return refusal(.uriTooLong, "the request is longer than \(Limits.maximumURILength) bytes")
        }
        if let length = request.headers[.contentLength].flatMap({ Int($0) }), length > Limits.maximumBodyBytes {
            return refusal(.contentTooLarge, "requests carry no body here")
        }
        if Self.climbs(request.uri.path) {
            return refusal(.badRequest, "paths with .. are refused")
        }
        if request.method == .head {
            // HEAD: the GET's status and headers (every route answers both) without its body
            var response = try await next(request, context)
            response.body = .init()
            return response
        }
        return try await next(request, context)
    }

    /// Whether a path has a `..` segment, plain or percent-encoded (`%2e%2e`), or a backslash.
    static func climbs(_ path: String) -> Bool {
        let decoded = (path.removingPercentEncoding ?? path).replacingOccurrences(of: "\\", with: "/")
        return path.contains("\\") || decoded.split(separator: "/", omittingEmptySubsequences: false).contains { $0 == ".." }
            || path.lowercased().contains("%2e%2e") || path.lowercased().contains("%5c")
    }

    func refusal(_ status: HTTPResponse.Status, _ message: String) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "text/plain; charset=utf-8"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: message + "\n")))
    }
}
