import EstateModel

extension Seed {
    /// The demo instance: the users, help desks, custom fields and request categories the example
    /// manifests refer to. No companies, groups, locations or KB categories: those are what the
    /// manifests create.
    package static let demoYAML = """
        version: "7.5.0"
        users:
          - {id: 1, username: alice, email: alice@acme.example, name: Alice}
          - {id: 2, username: bob, email: bob@acme.example, name: Bob}
          - {id: 3, username: carol, email: carol@acme.example, name: Carol}
          - {id: 4, username: dave, email: dave@acme.example, name: Dave}
          - {id: 5, username: erin, email: erin@acme.example, name: Erin}
          - {id: 6, username: frank, email: frank@acme.example, name: Frank}
          - {id: 7, username: grace, email: grace@acme.example, name: Grace}
          - {id: 8, username: heidi, email: heidi@acme.example, name: Heidi}
          - {id: 9, username: ivan, email: ivan@acme.example, name: Ivan}
          - {id: 10, username: judy, email: judy@acme.example, name: Judy}
          - {id: 11, username: mallory, email: mallory@acme.example, name: Mallory}
          - {id: 12, username: niaj, email: niaj@acme.example, name: Niaj}
          - {id: 13, username: olivia, email: olivia@acme.example, name: Olivia}
          - {id: 14, username: peggy, email: peggy@acme.example, name: Peggy}
          - {id: 15, username: rupert, email: rupert@acme.example, name: Rupert}
          - {id: 16, username: sybil, email: sybil@acme.example, name: Sybil}
          - {id: 17, username: trent, email: trent@acme.example, name: Trent}
          - {id: 18, username: victor, email: victor@acme.example, name: Victor}
          - {id: 19, username: walter, email: walter@acme.example, name: Walter}
          - {id: 20, username: yolanda, email: yolanda@acme.example, name: Yolanda}
          - {id: 21, username: zoe, email: zoe@acme.example, name: Zoe}
          - {id: 22, username: oscar, email: oscar@acme.example, name: Oscar, disabled: true}
        helpdesks:
          - id: 1
            name: Service Desk
            levels:
              - {id: 3, name: Level 1, order: 1}
              - {id: 4, name: Level 2, order: 2}
          - id: 2
            name: Field Services
            levels:
              - {id: 5, name: Dispatch, order: 1}
              - {id: 6, name: On-site, order: 2}
        request_categories:
          - {id: 1, name: Hardware}
          - {id: 2, name: Software}
          - {id: 3, name: Access}
          - {id: 4, name: Network}
        custom_fields:
          - uid: 1
            label: Department
            type: 104
            categories: [1, 2, 3, 4]
            options: {sales: Sales, it: IT, hr: Human Resources}
          - uid: 2
            label: Office
            type: 105
            categories: [1, 4]
            tree:
              - name: Europe
                key: eu
                children:
                  - {name: Madrid, key: mad}
                  - {name: Lisbon, key: lis}
              - name: Americas
                key: am
                children:
                  - {name: New York, key: nyc}
          - {uid: 3, label: Asset Tag, type: 1, categories: [1]}
        """

    /// The demo instance as an estate, loaded through the same loader as any seed file.
    package static var demoEstate: Estate {
        do {
            return try load(yaml: demoYAML, file: "<demo seed>")
        } catch {
            fatalError("The built-in demo seed is invalid: \(error)")
        }
    }
}
