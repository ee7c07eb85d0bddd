package com.vetacrm.lead;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.Set;

/**
 * The editable fields of a lead, as the form binds them and the service checks them. A mutable bean
 * because Vaadin's Binder writes into it; {@code version} is the version the user started editing,
 * so a save over someone else's change is refused rather than silently overwriting it.
 */
public class LeadDraft {

    private LeadType type = LeadType.LEAD;
    private String name;
    private String partnerName;
    private String contactName;
    private String jobTitle;
    private String email;
    private String phone;
    private String website;
    private String street;
    private String city;
    private String zip;
    private String countryCode;
    private String stateCode;
    private Long stageId;
    private Long teamId;
    private Long salespersonId;
    private int priority;
    private BigDecimal expectedRevenue = BigDecimal.ZERO;
    private BigDecimal probability = BigDecimal.ZERO;
    private String description;
    private Set<Long> tagIds = new HashSet<>();
    private long version;

    public LeadType getType() { return type; }
    public void setType(LeadType type) { this.type = type; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getPartnerName() { return partnerName; }
    public void setPartnerName(String partnerName) { this.partnerName = partnerName; }
    public String getContactName() { return contactName; }
    public void setContactName(String contactName) { this.contactName = contactName; }
    public String getJobTitle() { return jobTitle; }
    public void setJobTitle(String jobTitle) { this.jobTitle = jobTitle; }
    public String getEmail() { return email; }
    public void setEmail(String email) { this.email = email; }
    public String getPhone() { return phone; }
    public void setPhone(String phone) { this.phone = phone; }
    public String getWebsite() { return website; }
    public void setWebsite(String website) { this.website = website; }
    public String getStreet() { return street; }
    public void setStreet(String street) { this.street = street; }
    public String getCity() { return city; }
    public void setCity(String city) { this.city = city; }
    public String getZip() { return zip; }
    public void setZip(String zip) { this.zip = zip; }
    public String getCountryCode() { return countryCode; }
    public void setCountryCode(String countryCode) { this.countryCode = countryCode; }
    public String getStateCode() { return stateCode; }
    public void setStateCode(String stateCode) { this.stateCode = stateCode; }
    public Long getStageId() { return stageId; }
    public void setStageId(Long stageId) { this.stageId = stageId; }
    public Long getTeamId() { return teamId; }
    public void setTeamId(Long teamId) { this.teamId = teamId; }
    public Long getSalespersonId() { return salespersonId; }
    public void setSalespersonId(Long salespersonId) { this.salespersonId = salespersonId; }
    public int getPriority() { return priority; }
    public void setPriority(int priority) { this.priority = priority; }
    public BigDecimal getExpectedRevenue() { return expectedRevenue; }
    public void setExpectedRevenue(BigDecimal expectedRevenue) { this.expectedRevenue = expectedRevenue; }
    public BigDecimal getProbability() { return probability; }
    public void setProbability(BigDecimal probability) { this.probability = probability; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public Set<Long> getTagIds() { return tagIds; }
    public void setTagIds(Set<Long> tagIds) { this.tagIds = tagIds == null ? new HashSet<>() : new HashSet<>(tagIds); }
    public long getVersion() { return version; }
    public void setVersion(long version) { this.version = version; }
}
