import InvGateAPI
import Simulator
import Testing

@Suite struct RouteTableTests {
    @Test func routesEqualTheCatalogue() {
        let catalogue = Catalogue.operations.map { Route($0.endpoint, $0.method) }
        #expect(InvGateSimulator.routes == catalogue.sorted())
        #expect(Set(InvGateSimulator.routes).count == InvGateSimulator.routes.count)
    }
}
