package com.vetacrm.lead;

/** The editable fields of a lead's contact (form bean). */
public class ContactDraft {

    private String fullName;
    private String jobTitle;
    private String role;
    private String seniority;
    private String email;
    private String phone;
    private long version;

    public static ContactDraft of(LeadContactRow row) {
        ContactDraft d = new ContactDraft();
        d.fullName = row.fullName();
        d.jobTitle = row.jobTitle();
        d.role = row.role();
        d.seniority = row.seniority();
        d.email = row.email();
        d.phone = row.phone();
        d.version = row.version();
        return d;
    }

    public String getFullName() { return fullName; }
    public void setFullName(String fullName) { this.fullName = fullName; }
    public String getJobTitle() { return jobTitle; }
    public void setJobTitle(String jobTitle) { this.jobTitle = jobTitle; }
    public String getRole() { return role; }
    public void setRole(String role) { this.role = role; }
    public String getSeniority() { return seniority; }
    public void setSeniority(String seniority) { this.seniority = seniority; }
    public String getEmail() { return email; }
    public void setEmail(String email) { this.email = email; }
    public String getPhone() { return phone; }
    public void setPhone(String phone) { this.phone = phone; }
    public long getVersion() { return version; }
    public void setVersion(long version) { this.version = version; }
}
