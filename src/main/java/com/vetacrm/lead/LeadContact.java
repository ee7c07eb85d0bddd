package com.vetacrm.lead;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A person at the lead's company. Mining stores every delivered contact here, not only the first. */
@Entity
@Table(name = "lead_contact")
class LeadContact {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "lead_contact_seq")
    @SequenceGenerator(name = "lead_contact_seq", sequenceName = "lead_contact_seq", allocationSize = 50)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "lead_id")
    private Lead lead;

    @Column(nullable = false)
    private int position;
    @Column(name = "full_name", nullable = false)
    private String fullName;
    @Column(name = "job_title")
    private String jobTitle;
    @Column(length = 40)
    private String role;
    @Column(length = 20)
    private String seniority;
    @Column(length = 254)
    private String email;
    @Column(length = 32)
    private String phone;

    @Version
    private long version;

    protected LeadContact() {
    }

    LeadContact(Lead lead, int position) {
        this.lead = lead;
        this.position = position;
    }

    void apply(ContactDraft draft, String e164Phone) {
        fullName = draft.getFullName().strip();
        jobTitle = LeadRules.blankToNull(draft.getJobTitle());
        role = LeadRules.blankToNull(draft.getRole());
        seniority = LeadRules.blankToNull(draft.getSeniority());
        email = LeadRules.blankToNull(draft.getEmail());
        phone = e164Phone;
    }

    LeadContactRow toRow() {
        return new LeadContactRow(id, position, fullName, jobTitle, role, seniority, email, phone, version);
    }

    Long getId() { return id; }
    int getPosition() { return position; }
    long getVersion() { return version; }
}
