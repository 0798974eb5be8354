import FuzzSupport
import MeshProtocol

/// The clarity specialist on chunks made from the input: see `fuzzSpecialist`.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzClarity(_ data: UnsafeRawPointer, _ count: Int) -> CInt {
    fuzzSpecialist(.clarity, data, count)
    return 0
}
