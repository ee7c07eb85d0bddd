package com.vetacrm.admin;

import java.util.List;

/**
 * A team as the edit form opens it: the members come with their names (so inactive members still show
 * and may be removed) and the version the form will save against.
 *
 * @param leader  null without a leader
 * @param members by name; includes the leader
 */
public record TeamDetails(long id, long version, String name, UserSummary leader, List<UserSummary> members,
        boolean active) {

    public TeamDetails {
        members = List.copyOf(members);
    }
}
