package com.vetacrm.admin;

import java.util.Set;

/**
 * A team to create ({@code id} null) or change.
 *
 * @param version   the version the form was loaded with; ignored when creating
 * @param leaderId  optional; the leader always becomes a member
 * @param memberIds users in the team; a user who is not yet a member must be active
 */
public record TeamEdit(Long id, long version, String name, Long leaderId, Set<Long> memberIds, boolean active) {

    public TeamEdit {
        memberIds = memberIds == null ? Set.of() : Set.copyOf(memberIds);
    }
}
