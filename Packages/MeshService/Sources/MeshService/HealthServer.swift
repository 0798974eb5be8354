import Synchronization
import FoundationEssentials

#if canImport(Glibc)
import Glibc
import MeshWorker
#endif

/// A minimal HTTP/1.1 endpoint for Kubernetes probes and Prometheus: `GET /healthz`, `/readyz`, `/metrics`.
/// It serves one short request at a time on a thread of its own; that is all probes and scrapers need, and
/// it keeps an HTTP stack out of every image.
public final class HealthServer: @unchecked Sendable {
    public struct Response: Sendable {
        public var status: Int
        public var contentType: String
        public var body: String

        public init(status: Int, contentType: String = "text/plain; charset=utf-8", body: String) {
            self.status = status
            self.contentType = contentType
            self.body = body
        }
    }

    public typealias Route = @Sendable () -> Response

    /// The port actually bound (useful when asked for port 0).
    public let port: Int
    private let socket: Int32
    private let routes: [String: Route]
    private let stopped = StopFlag()

    /// Binds `host:port` at once, so a port in use fails at start-up, clearly.
    public init(host: String = "0.0.0.0", port: Int, routes: [String: Route]) throws {
        self.routes = routes
        let fd = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw ServiceError("cannot open a socket: \(String(cString: strerror(errno)))") }
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr(host)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(fd, 16) == 0 else {
            let reason = String(cString: strerror(errno))
            close(fd)
            throw ServiceError("cannot listen on \(host):\(port) for health and metrics: \(reason)")
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        self.port = Int(UInt16(bigEndian: address.sin_port))
        self.socket = fd
        _ = WorkerThread(name: "health-server") { [self] _ in self.serve() }
    }

    public func stop() {
        stopped.set()
        shutdown(socket, Int32(SHUT_RDWR))
        close(socket)
    }

    private func serve() {
        while !stopped.isSet {
            let client = accept(socket, nil, nil)
            if client < 0 {
                if stopped.isSet { return }
                continue
            }
            handle(client)
            close(client)
        }
    }

    private func handle(_ client: Int32) {
        var timeout = timeval(tv_sec: 2, tv_usec: 0)
        setsockopt(client, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var buffer = [UInt8](repeating: 0, count: 4096)
        var request: [UInt8] = []
        while request.count < 16 * 1024 {
            let n = recv(client, &buffer, buffer.count, 0)
            if n <= 0 { break }
            request += buffer[0..<n]
            if request.count >= 4, request.suffix(4) == [13, 10, 13, 10] { break }
            if request.contains(10) && String(decoding: request, as: UTF8.self).contains("\r\n\r\n") { break }
        }
        let firstLine = String(decoding: request.prefix(while: { $0 != 13 && $0 != 10 }), as: UTF8.self)
        let parts = firstLine.split(separator: " ")
        let response: Response
        if parts.count < 2 {
            response = Response(status: 400, body: "bad request\n")
        } else if parts[0] != "GET" && parts[0] != "HEAD" {
            response = Response(status: 405, body: "method not allowed\n")
        } else {
            let path = String(parts[1].split(separator: "?", maxSplits: 1).first ?? "")
            response = routes[path]?() ?? Response(status: 404, body: "not found: \(path)\n")
        }
        let body = parts.first == "HEAD" ? [] : Array(response.body.utf8)
        let reason = [200: "OK", 400: "Bad Request", 404: "Not Found", 405: "Method Not Allowed", 503: "Service Unavailable"][response.status] ?? "Status"
        let head = "HTTP/1.1 \(response.status) \(reason)\r\nContent-Type: \(response.contentType)\r\nContent-Length: \(Array(response.body.utf8).count)\r\nConnection: close\r\n\r\n"
        let bytes = Array(head.utf8) + body
        var sent = 0
        while sent < bytes.count {
            let n = bytes[sent...].withUnsafeBufferPointer { send(client, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if n <= 0 { break }
            sent += n
        }
    }
}

/// A flag set once from any thread.
final class StopFlag: @unchecked Sendable {
    private let lock = Mutex(())
    private var value = false
    var isSet: Bool { lock.withLock { _ in value } }
    func set() { lock.withLock { _ in value = true } }
}

public struct ServiceError: Error, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
