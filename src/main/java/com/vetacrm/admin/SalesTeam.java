package com.vetacrm.admin;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.HashSet;
import java.util.Set;

/** A sales team: a leader and members. Salespeople see the leads of their own teams. */
@Entity
@Table(name = "sales_team")
class SalesTeam {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "sales_team_seq")
    @SequenceGenerator(name = "sales_team_seq", sequenceName = "sales_team_seq", allocationSize = 50)
    private Long id;

    @NotBlank
    @Size(max = 100)
    @Column(nullable = false, unique = true, length = 100)
    private String name;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "leader_id")
    private AppUser leader;

    @ManyToMany(fetch = FetchType.LAZY)
    @JoinTable(name = "sales_team_member",
            joinColumns = @JoinColumn(name = "team_id"),
            inverseJoinColumns = @JoinColumn(name = "user_id"))
    private Set<AppUser> members = new HashSet<>();

    @Column(nullable = false)
    private boolean active = true;

    @Version
    private long version;

    protected SalesTeam() {
    }

    SalesTeam(String name, AppUser leader) {
        this.name = name;
        this.leader = leader;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public AppUser getLeader() {
        return leader;
    }

    Set<AppUser> getMembers() {
        return members;
    }

    public boolean isActive() {
        return active;
    }

    long getVersion() {
        return version;
    }

    void rename(String name) {
        this.name = name;
    }

    void setLeader(AppUser leader) {
        this.leader = leader;
    }

    void setActive(boolean active) {
        this.active = active;
    }
}
