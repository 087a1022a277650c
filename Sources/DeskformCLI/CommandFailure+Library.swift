import InvGateAPI
import InvGateWire
import Manifest
import Reconciler
import Simulator

// The library's errors that reach a user as they are: each says in one sentence what happened, to which
// file, variable or call, and what to do (their wording is tested where they are made). Ctrl-C while one
// was under way is exit 130.

extension InvGateError: SentenceFailure {
    var status: ExitStatus { reason == .cancelled ? .interrupted : .failure }
}

extension Credentials.HalfSet: SentenceFailure {}
extension NetworkSettings.Problem: SentenceFailure {}
extension ProjectError: SentenceFailure {}
extension PlanFileError: SentenceFailure {}
extension JournalError: SentenceFailure {}
extension UndoError: SentenceFailure {}
extension SimulatorSetupError: SentenceFailure {}
