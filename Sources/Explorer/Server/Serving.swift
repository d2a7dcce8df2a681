import Hummingbird
import Logging

extension Explorer {
    /// The server on `host`:`port`; `onRunning` hears the address it listens on.
    func application(host: String, port: Int, onRunning: @escaping @Sendable (String) -> Void) -> some ApplicationProtocol {
        var logger = Logger(label: "twingraph.serve")
        logger.logLevel = .warning
        return Application(
            router: router(),
            configuration: .init(address: .hostname(host, port: port), serverName: "twingraph"),
            onServerRunning: { channel in
                onRunning("http://\(host):\(channel.localAddress?.port ?? port)/")
            },
            logger: logger)
    }

    /// Serves until SIGINT or SIGTERM; `onRunning` hears the address once it listens.
    public func serve(host: String, port: Int, onRunning: @escaping @Sendable (String) -> Void) async throws {
        try await application(host: host, port: port, onRunning: onRunning).runService()
    }
}
