package com.vetacrm.admin;

import com.vetacrm.security.Role;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/** A person who signs in to Veta. */
@Entity
@Table(name = "app_user")
class AppUser {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "app_user_seq")
    @SequenceGenerator(name = "app_user_seq", sequenceName = "app_user_seq", allocationSize = 50)
    private Long id;

    /** Stored in lower case; sign-in is case-insensitive. */
    @NotBlank
    @Size(max = 60)
    @Pattern(regexp = "[a-z0-9._-]+")
    @Column(nullable = false, unique = true, length = 60)
    private String username;

    @NotBlank
    @Size(max = 120)
    @Column(name = "display_name", nullable = false, length = 120)
    private String displayName;

    @Email
    @Size(max = 254)
    @Column(length = 254)
    private String email;

    @NotBlank
    @Column(name = "password_hash", nullable = false, length = 100)
    private String passwordHash;

    @NotNull
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private Role role;

    /** BCP 47 language tag chosen by the user; null = follow the browser. */
    @Size(max = 10)
    @Column(length = 10)
    private String locale;

    @Column(nullable = false)
    private boolean active = true;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    /** Written only by {@link LoginAttempts} (plain SQL); read here for sign-in. */
    @Column(name = "locked_until", insertable = false, updatable = false)
    private Instant lockedUntil;

    @Version
    private long version;

    protected AppUser() {
    }

    AppUser(String username, String displayName, String email, String passwordHash, Role role) {
        this.username = username;
        this.displayName = displayName;
        this.email = email;
        this.passwordHash = passwordHash;
        this.role = role;
    }

    @PrePersist
    void onCreate() {
        createdAt = Instant.now();
        updatedAt = createdAt;
    }

    @PreUpdate
    void onUpdate() {
        updatedAt = Instant.now();
    }

    public Long getId() {
        return id;
    }

    public String getUsername() {
        return username;
    }

    public String getDisplayName() {
        return displayName;
    }

    public String getEmail() {
        return email;
    }

    String getPasswordHash() {
        return passwordHash;
    }

    public Role getRole() {
        return role;
    }

    public String getLocale() {
        return locale;
    }

    void setLocale(String locale) {
        this.locale = locale;
    }

    public boolean isActive() {
        return active;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    long getVersion() {
        return version;
    }

    /** What an administrator may change; the username is the sign-in name and stays. */
    void update(String displayName, String email, Role role, boolean active, String locale) {
        this.displayName = displayName;
        this.email = email;
        this.role = role;
        this.active = active;
        this.locale = locale;
    }

    void changePasswordHash(String passwordHash) {
        this.passwordHash = passwordHash;
    }

    Instant getLockedUntil() {
        return lockedUntil;
    }
}
