/// An estate as files hold it (a journal's state before an apply, the embedded instance's state file):
/// each kind an object keyed by id, ids of members and observers as sorted lists, an absent optional
/// left out. `specs/journal.schema.json` (`$defs/estate`) describes every key.
extension Estate: Codable {
    package init(from decoder: any Decoder) throws {
        let fields = try decoder.container(keyedBy: FileKey.self)
        users = try fields("users")
        companies = try fields("companies")
        groups = try fields("groups")
        locations = try fields("locations")
        helpdesks = try fields("helpdesks")
        levels = try fields("levels")
        kbCategories = try fields("kb_categories")
        customFields = try fields("custom_fields")
        customFieldTypes = try fields("custom_field_types")
        requestCategories = try fields("request_categories")
        version = try fields("version")
        sequences = try fields("sequences")
    }

    package func encode(to encoder: any Encoder) throws {
        var fields = encoder.container(keyedBy: FileKey.self)
        try fields.encode(users, forKey: "users")
        try fields.encode(companies, forKey: "companies")
        try fields.encode(groups, forKey: "groups")
        try fields.encode(locations, forKey: "locations")
        try fields.encode(helpdesks, forKey: "helpdesks")
        try fields.encode(levels, forKey: "levels")
        try fields.encode(kbCategories, forKey: "kb_categories")
        try fields.encode(customFields, forKey: "custom_fields")
        try fields.encode(customFieldTypes, forKey: "custom_field_types")
        try fields.encode(requestCategories, forKey: "request_categories")
        try fields.encode(version, forKey: "version")
        try fields.encode(sequences, forKey: "sequences")
    }
}

extension Sequences: Codable {
    package init(from decoder: any Decoder) throws {
        let fields = try decoder.container(keyedBy: FileKey.self)
        company = try fields("company")
        group = try fields("group")
        location = try fields("location")
        kbCategory = try fields("kb_category")
        treeOption = try fields("tree_option")
        // Files written before users were created have no user counter: it starts above their users.
        user = try fields.optional("user") ?? 0
    }

    package func encode(to encoder: any Encoder) throws {
        var fields = encoder.container(keyedBy: FileKey.self)
        try fields.encode(company, forKey: "company")
        try fields.encode(group, forKey: "group")
        try fields.encode(location, forKey: "location")
        try fields.encode(kbCategory, forKey: "kb_category")
        try fields.encode(treeOption, forKey: "tree_option")
        try fields.encode(user, forKey: "user")
    }
}

extension User: Codable {
    package init(from decoder: any Decoder) throws {
        let fields = try decoder.container(keyedBy: FileKey.self)
        id = try fields("id")
        username = try fields("username")
        email = try fields("email")
        name = try fields("name")
        lastname = try fields("lastname")
        isDisabled = try fields("is_disabled")
        isDeleted = try fields("is_deleted")
        userType = try fields("user_type")
        // Files written before users were managed have no source, attributes or manager.
        source = try fields.optional("source").map(Source.init(rawValue:)) ?? .system
        attributes = try fields.userAttributes("attributes")
        managerID = try fields.optional("manager_id")
    }

    package func encode(to encoder: any Encoder) throws {
        var fields = encoder.container(keyedBy: FileKey.self)
        try fields.encode(id, forKey: "id")
        try fields.encode(username, forKey: "username")
        try fields.encode(email, forKey: "email")
        try fields.encode(name, forKey: "name")
        try fields.encode(lastname, forKey: "lastname")
        try fields.encode(isDisabled, forKey: "is_disabled")
        try fields.encode(isDeleted, forKey: "is_deleted")
        try fields.encode(userType, forKey: "user_type")
        try fields.encode(source.rawValue, forKey: "source")
        try fields.encode(userAttributes: attributes, forKey: "attributes")
        try fields.encodeIfPresent(managerID, forKey: "manager_id")
    }
}

extension Company: Codable {
    package init(from decoder: any Decoder) throws {
        let fields = try decoder.container(keyedBy: FileKey.self)
        id = try fields("id")
        name = try fields("name")
        externalID = try fields.optional("external_id")
        members = try fields.ids("members")
        groups = try fields.ids("groups")
        observers = try fields.ids("observers")
        observerGroups = try fields.ids("observer_groups")
    }

    package func encode(to encoder: any Encoder) throws {
        var fields = encoder.container(keyedBy: FileKey.self)
        try fields.encode(id, forKey: "id")
        try fields.encode(name, forKey: "name")
        try fields.encodeIfPresent(externalID, forKey: "external_id")
        try fields.encode(ids: members, forKey: "members")
        try fields.encode(ids: groups, forKey: "groups")
        try fields.encode(ids: observers, forKey: "observers")
        try fields.encode(ids: observerGroups, forKey: "observer_groups")
    }
}

extension Group: Codable {
    package init(from decoder: any Decoder) throws {
        let fields = try decoder.container(keyedBy: FileKey.self)
        id = try fields("id")
        name = try fields("name")
        members = try fields.ids("members")
        observers = try fields.ids("observers")
        observerGroups = try fields.ids("observer_groups")
    }

    package func encode(to encoder: any Encoder) throws {
        var fields = encoder.container(keyedBy: FileKey.self)
        try fields.encode(id, forKey: "id")
        try fields.encode(name, forKey: "name")
        try fields.encode(ids: members, forKey: "members")
        try fields.encode(ids: observers, forKey: "observers")
        try fields.encode(ids: observerGroups, forKey: "observer_groups")
    }
}

extension Location: Codable {
    package init(from decoder: any Decoder) throws {
        let fields = try decoder.container(keyedBy: FileKey.self)
        id = try fields("id")
        name = try fields("name")
        parentID = try fields.optional("parent_id")
        members = try fields.ids("members")
        observers = try fields.ids("observers")
        observerGroups = try fields.ids("observer_groups")
    }

    package func encode(to encoder: any Encoder) throws {
        var fields = encoder.container(keyedBy: FileKey.self)
        try fields.encode(id, forKey: "id")
        try fields.encode(name, forKey: "name")
        try fields.encodeIfPresent(parentID, forKey: "parent_id")
        try fields.encode(ids: members, forKey: "members")
        try fields.encode(ids: observers, forKey: "observers")
        try fields.encode(ids: observerGroups, forKey: "observer_groups")
    }
}

extension HelpDesk: Codable {
    package init(from decoder: any Decoder) throws {
        let fields = try decoder.container(keyedBy: FileKey.self)
        id = try fields("id")
        name = try fields("name")
        parentID = try fields("parent_id")
        statusID = try fields("status_id")
        engineID = try fields("engine_id")
        members = try fields.ids("members")
        observers = try fields.ids("observers")
        observerGroups = try fields.ids("observer_groups")
    }

    package func encode(to encoder: any Encoder) throws {
        var fields = encoder.container(keyedBy: FileKey.self)
        try fields.encode(id, forKey: "id")
        try fields.encode(name, forKey: "name")
        try fields.encode(parentID, forKey: "parent_id")
        try fields.encode(statusID, forKey: "status_id")
        try fields.encode(engineID, forKey: "engine_id")
        try fields.encode(ids: members, forKey: "members")
        try fields.encode(ids: observers, forKey: "observers")
        try fields.encode(ids: observerGroups, forKey: "observer_groups")
    }
}

extension Level: Codable {
    package init(from decoder: any Decoder) throws {
        let fields = try decoder.container(keyedBy: FileKey.self)
        id = try fields("id")
        helpdeskID = try fields("helpdesk_id")
        name = try fields("name")
        order = try fields("order")
        statusID = try fields("status_id")
        engineID = try fields("engine_id")
        members = try fields.ids("members")
        observers = try fields.ids("observers")
        observerGroups = try fields.ids("observer_groups")
    }

    package func encode(to encoder: any Encoder) throws {
        var fields = encoder.container(keyedBy: FileKey.self)
        try fields.encode(id, forKey: "id")
        try fields.encode(helpdeskID, forKey: "helpdesk_id")
        try fields.encode(name, forKey: "name")
        try fields.encode(order, forKey: "order")
        try fields.encode(statusID, forKey: "status_id")
        try fields.encode(engineID, forKey: "engine_id")
        try fields.encode(ids: members, forKey: "members")
        try fields.encode(ids: observers, forKey: "observers")
        try fields.encode(ids: observerGroups, forKey: "observer_groups")
    }
}

extension KBCategory: Codable {
    package init(from decoder: any Decoder) throws {
        let fields = try decoder.container(keyedBy: FileKey.self)
        id = try fields("id")
        name = try fields("name")
        parentID = try fields.optional("parent_id")
    }

    package func encode(to encoder: any Encoder) throws {
        var fields = encoder.container(keyedBy: FileKey.self)
        try fields.encode(id, forKey: "id")
        try fields.encode(name, forKey: "name")
        try fields.encodeIfPresent(parentID, forKey: "parent_id")
    }
}

extension RequestCategory: Codable {
    package init(from decoder: any Decoder) throws {
        let fields = try decoder.container(keyedBy: FileKey.self)
        id = try fields("id")
        name = try fields("name")
        parentID = try fields.optional("parent_id")
    }

    package func encode(to encoder: any Encoder) throws {
        var fields = encoder.container(keyedBy: FileKey.self)
        try fields.encode(id, forKey: "id")
        try fields.encode(name, forKey: "name")
        try fields.encodeIfPresent(parentID, forKey: "parent_id")
    }
}

extension CustomField: Codable {
    package init(from decoder: any Decoder) throws {
        let fields = try decoder.container(keyedBy: FileKey.self)
        uid = try fields("uid")
        label = try fields("label")
        typeID = try fields("type_id")
        description = try fields("description")
        isRequired = try fields("is_required")
        categories = try fields("categories")
        listOptions = try fields("list_options")
        treeOptions = try fields("tree_options")
    }

    package func encode(to encoder: any Encoder) throws {
        var fields = encoder.container(keyedBy: FileKey.self)
        try fields.encode(uid, forKey: "uid")
        try fields.encode(label, forKey: "label")
        try fields.encode(typeID, forKey: "type_id")
        try fields.encode(description, forKey: "description")
        try fields.encode(isRequired, forKey: "is_required")
        try fields.encode(categories, forKey: "categories")
        try fields.encode(listOptions, forKey: "list_options")
        try fields.encode(treeOptions, forKey: "tree_options")
    }
}

extension CustomFieldType: Codable {
    package init(from decoder: any Decoder) throws {
        let fields = try decoder.container(keyedBy: FileKey.self)
        id = try fields("id")
        name = try fields("name")
    }

    package func encode(to encoder: any Encoder) throws {
        var fields = encoder.container(keyedBy: FileKey.self)
        try fields.encode(id, forKey: "id")
        try fields.encode(name, forKey: "name")
    }
}

extension ListOption: Codable {
    package init(from decoder: any Decoder) throws {
        let fields = try decoder.container(keyedBy: FileKey.self)
        key = try fields("key")
        value = try fields("value")
    }

    package func encode(to encoder: any Encoder) throws {
        var fields = encoder.container(keyedBy: FileKey.self)
        try fields.encode(key, forKey: "key")
        try fields.encode(value, forKey: "value")
    }
}

extension TreeOption: Codable {
    package init(from decoder: any Decoder) throws {
        let fields = try decoder.container(keyedBy: FileKey.self)
        hash = try fields("hash")
        key = try fields("key")
        name = try fields("name")
        parentHash = try fields.optional("parent_hash")
    }

    package func encode(to encoder: any Encoder) throws {
        var fields = encoder.container(keyedBy: FileKey.self)
        try fields.encode(hash, forKey: "hash")
        try fields.encode(key, forKey: "key")
        try fields.encode(name, forKey: "name")
        try fields.encodeIfPresent(parentHash, forKey: "parent_hash")
    }
}
