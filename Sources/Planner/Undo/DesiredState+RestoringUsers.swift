import EstateModel

extension DesiredState {
    /// Users for `undo`: each one the apply changed, disabled or enabled (its address as `before` names it, or
    /// as `now` does) back as `before` holds it (username, email, names, every attribute, manager, disabled
    /// or not); each one it created, disabled (never deleted).
    mutating func restoreUsers(_ touched: Set<Address>, from before: Estate, now: Estate) {
        var restored = Set(before.users.values.filter { !$0.isDeleted && touched.contains(Address(.user, $0.username)) }.map(\.id))
        var created: [User] = []
        for address in touched.sorted() where address.kind == .user {
            guard let current = now.users.values.first(where: { $0.username == address.name && !$0.isDeleted }) else { continue }
            if before.users[current.id].map({ !$0.isDeleted }) == true {
                restored.insert(current.id)
            } else {
                created.append(User(id: current.id, username: current.username, disabled: true))
            }
        }
        for id in restored.sorted() {
            let user = before.users[id]!
            let current = now.users[id]
            var attributes = user.attributes
            for attribute in (current?.attributes ?? [:]).keys where user.attributes[attribute] == nil { attributes[attribute] = "" }
            users.append(
                // A name or last name the account had empty cannot be sent empty: it is left as it is.
                User(
                    id: user.id, username: user.username, email: user.email, name: user.name.isEmpty ? nil : user.name,
                    lastname: user.lastname.isEmpty ? nil : user.lastname, attributes: attributes,
                    managerID: user.managerID ?? (current?.managerID == nil ? nil : 0), disabled: user.isDisabled))
        }
        users += created
    }
}
