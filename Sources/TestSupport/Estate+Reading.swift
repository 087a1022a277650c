import EstateModel
import Reconciler

extension Estate {
    /// What `LiveEstateReader` reads of this estate (the whole instance) with `scope`: the users; the
    /// kinds the scope names, whole; the groups' names alone when only companies are read (for their
    /// relations); the custom fields' labels, with options only for the fields the scope names.
    package func asRead(_ scope: FetchScope) -> Estate {
        var read = Estate(users: users, customFieldTypes: [], version: version)
        if scope.reads(.companies) { read.companies = companies }
        if scope.reads(.groups) {
            read.groups = groups
        } else if scope.reads(.companies) {
            read.groups = groups.mapValues { Group(id: $0.id, name: $0.name) }
        }
        if scope.reads(.locations) { read.locations = locations }
        if scope.reads(.helpdesks) {
            read.helpdesks = helpdesks
            read.levels = levels
        }
        if scope.reads(.kbCategories) { read.kbCategories = kbCategories }
        if scope.reads(.customFields) {
            read.customFieldTypes = customFieldTypes
            read.customFields = customFields.mapValues { field in
                var field = field
                if !(scope.fields.contains("*") || scope.fields.contains(field.label) || scope.fields.contains(String(field.uid))) {
                    field.listOptions = []
                    field.treeOptions = []
                }
                return field
            }
        }
        read.advanceSequences()
        return read
    }
}
