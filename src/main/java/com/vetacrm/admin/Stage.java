package com.vetacrm.admin;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A pipeline column. Ordered by {@code sequence}; a folded stage shows collapsed; the won stage closes a deal. */
@Entity
@Table(name = "stage")
class Stage {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "stage_seq")
    @SequenceGenerator(name = "stage_seq", sequenceName = "stage_seq", allocationSize = 50)
    private Long id;

    @NotBlank
    @Size(max = 60)
    @Column(nullable = false, unique = true, length = 60)
    private String name;

    @Column(nullable = false)
    private int sequence;

    @Column(nullable = false)
    private boolean fold;

    @Column(name = "is_won", nullable = false)
    private boolean won;

    @Version
    private long version;

    protected Stage() {
    }

    Stage(String name, int sequence, boolean fold, boolean won) {
        this.name = name;
        this.sequence = sequence;
        this.fold = fold;
        this.won = won;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public int getSequence() {
        return sequence;
    }

    public boolean isFold() {
        return fold;
    }

    public boolean isWon() {
        return won;
    }

    long getVersion() {
        return version;
    }

    void update(String name, boolean fold, boolean won) {
        this.name = name;
        this.fold = fold;
        this.won = won;
    }

    void setSequence(int sequence) {
        this.sequence = sequence;
    }
}
