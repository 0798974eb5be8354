import FuzzSupport
import MeshProtocol

/// The tone specialist on chunks made from the input: see `fuzzSpecialist`.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTone(_ data: UnsafeRawPointer, _ count: Int) -> CInt {
    fuzzSpecialist(.tone, data, count)
    return 0
}
