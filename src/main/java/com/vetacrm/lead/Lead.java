package com.vetacrm.lead;

import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.hibernate.annotations.BatchSize;
import org.hibernate.annotations.OptimisticLock;

/**
 * A lead or opportunity. Stage, team, salesperson and tags are held as ids: they belong to the
 * admin module, the database's foreign keys keep them consistent, and reads that need their names
 * use SQL projections (see {@code LeadQueries}) rather than an entity graph.
 */
@Entity
@Table(name = "crm_lead")
class Lead {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "crm_lead_seq")
    @SequenceGenerator(name = "crm_lead_seq", sequenceName = "crm_lead_seq", allocationSize = 50)
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 12)
    private LeadType type = LeadType.LEAD;

    @Column(nullable = false)
    private String name;
    @Column(name = "partner_name")
    private String partnerName;
    @Column(name = "contact_name")
    private String contactName;
    @Column(name = "job_title")
    private String jobTitle;
    @Column(length = 254)
    private String email;
    @Column(name = "email_domain", length = 253)
    private String emailDomain;
    @Column(length = 32)
    private String phone;
    @Column(length = 2048)
    private String website;
    @Column(name = "website_domain", length = 253)
    private String websiteDomain;
    private String street;
    @Column(length = 120)
    private String city;
    @Column(length = 20)
    private String zip;
    @Column(name = "country_code", columnDefinition = "CHAR(2)")
    private String countryCode;
    @Column(name = "state_code", length = 10)
    private String stateCode;

    @Column(name = "stage_id", nullable = false)
    private long stageId;
    @Column(name = "team_id")
    private Long teamId;
    @Column(name = "salesperson_id")
    private Long salespersonId;

    @Column(nullable = false)
    private int priority;
    @Column(name = "expected_revenue", nullable = false, precision = 15, scale = 2)
    private BigDecimal expectedRevenue = BigDecimal.ZERO;
    @Column(nullable = false, precision = 5, scale = 2)
    private BigDecimal probability = BigDecimal.ZERO;
    @Column(columnDefinition = "TEXT")
    private String description;
    @Column(name = "lost_reason")
    private String lostReason;
    @Column(nullable = false)
    private boolean active = true;
    @Column(name = "won_at")
    private Instant wonAt;
    @Column(name = "lost_at")
    private Instant lostAt;
    @Column(name = "mining_request_id")
    private Long miningRequestId;
    @Column(name = "directory_company_ref", length = 64)
    private String directoryCompanyRef;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;
    @Column(name = "created_by", updatable = false)
    private Long createdBy;
    // a contact added or changed touches these but is versioned itself: the open form must stay saveable
    @OptimisticLock(excluded = true)
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;
    @OptimisticLock(excluded = true)
    @Column(name = "updated_by")
    private Long updatedBy;

    @Version
    private long version;

    // bulk actions load hundreds of leads: fetch their tags and contacts 100 leads per query, not one by one
    @BatchSize(size = 100)
    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "lead_tag", joinColumns = @JoinColumn(name = "lead_id"))
    @Column(name = "tag_id")
    private Set<Long> tagIds = new HashSet<>();

    @BatchSize(size = 100)
    @OneToMany(mappedBy = "lead", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position, id")
    private List<LeadContact> contacts = new ArrayList<>();

    protected Lead() {
    }

    Lead(LeadType type, String name, long stageId) {
        this.type = type;
        this.name = name;
        this.stageId = stageId;
    }

    void touch(Long userId, Instant now) {
        if (createdAt == null) {
            createdAt = now;
            createdBy = userId;
        }
        updatedAt = now;
        updatedBy = userId;
    }

    Long getId() { return id; }
    LeadType getType() { return type; }
    void setType(LeadType type) { this.type = type; }
    String getName() { return name; }
    void setName(String name) { this.name = name; }
    String getPartnerName() { return partnerName; }
    void setPartnerName(String partnerName) { this.partnerName = partnerName; }
    String getContactName() { return contactName; }
    void setContactName(String contactName) { this.contactName = contactName; }
    String getJobTitle() { return jobTitle; }
    void setJobTitle(String jobTitle) { this.jobTitle = jobTitle; }
    String getEmail() { return email; }
    void setEmail(String email, String emailDomain) { this.email = email; this.emailDomain = emailDomain; }
    String getPhone() { return phone; }
    void setPhone(String phone) { this.phone = phone; }

    /**
     * Removes the person of the lead (GDPR erasure): contact name, job title, e-mail and phone. The company's
     * data stays, including the e-mail's domain, which is the company's and keeps it from being mined again.
     */
    void erasePerson() {
        contactName = null;
        jobTitle = null;
        email = null;
        phone = null;
    }
    String getWebsite() { return website; }
    void setWebsite(String website, String websiteDomain) { this.website = website; this.websiteDomain = websiteDomain; }
    String getStreet() { return street; }
    void setStreet(String street) { this.street = street; }
    String getCity() { return city; }
    void setCity(String city) { this.city = city; }
    String getZip() { return zip; }
    void setZip(String zip) { this.zip = zip; }
    String getCountryCode() { return countryCode; }
    void setCountryCode(String countryCode) { this.countryCode = countryCode; }
    String getStateCode() { return stateCode; }
    void setStateCode(String stateCode) { this.stateCode = stateCode; }
    long getStageId() { return stageId; }
    void setStageId(long stageId) { this.stageId = stageId; }
    Long getTeamId() { return teamId; }
    void setTeamId(Long teamId) { this.teamId = teamId; }
    Long getSalespersonId() { return salespersonId; }
    void setSalespersonId(Long salespersonId) { this.salespersonId = salespersonId; }
    int getPriority() { return priority; }
    void setPriority(int priority) { this.priority = priority; }
    BigDecimal getExpectedRevenue() { return expectedRevenue; }
    void setExpectedRevenue(BigDecimal expectedRevenue) { this.expectedRevenue = expectedRevenue; }
    BigDecimal getProbability() { return probability; }
    void setProbability(BigDecimal probability) { this.probability = probability; }
    String getDescription() { return description; }
    void setDescription(String description) { this.description = description; }
    String getLostReason() { return lostReason; }
    boolean isActive() { return active; }
    Instant getWonAt() { return wonAt; }
    void setWonAt(Instant wonAt) { this.wonAt = wonAt; }
    Instant getLostAt() { return lostAt; }
    Long getMiningRequestId() { return miningRequestId; }
    Instant getCreatedAt() { return createdAt; }
    Long getCreatedBy() { return createdBy; }
    Instant getUpdatedAt() { return updatedAt; }
    long getVersion() { return version; }
    Set<Long> getTagIds() { return tagIds; }
    List<LeadContact> getContacts() { return contacts; }

    void markLost(String reason, Instant now) {
        active = false;
        lostReason = reason;
        lostAt = now;
        probability = BigDecimal.ZERO;
        wonAt = null;
    }

    void archive() {
        active = false;
    }

    void restore() {
        active = true;
        lostReason = null;
        lostAt = null;
    }
}
