import Hummingbird
import NIOCore
import InvGateWire

extension InvGateSimulator {
    /// The answer's head and the first half of its body, then a dropped connection: the client gets
    /// no complete answer although the write was carried out.
    static func droppingConnection(status: Int, json: JSONValue) -> Response {
        let bytes = json.serialized()
        let sent = Array(bytes.prefix(bytes.count / 2))
        var headers = HTTPFields()
        headers[.contentType] = "application/json"
        let body = ResponseBody(contentLength: bytes.count) { writer in
            try await writer.write(ByteBuffer(bytes: sent))
            throw DroppedConnection()
        }
        return Response(status: HTTPResponse.Status(code: status), headers: headers, body: body)
    }
}

/// Thrown by a response body to make the server drop the connection mid-answer.
struct DroppedConnection: Error {}
