package com.vetacrm.directory.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadFormat;
import com.vaadin.flow.component.upload.UploadI18N;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.Command;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.UploadEvent;
import com.vetacrm.directory.DirectoryImportKind;
import com.vetacrm.directory.DirectoryImportProgress;
import com.vetacrm.directory.DirectoryImportReport;
import com.vetacrm.directory.DirectoryImportReport.Problem;
import com.vetacrm.directory.DirectoryImportService;
import com.vetacrm.security.Role;
import com.vetacrm.shared.BusinessRuleException;
import jakarta.annotation.security.RolesAllowed;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;

/**
 * Administrators import companies and contacts into the directory from CSV files (DESIGN §7). The upload
 * is sent as the raw file and handed to {@link DirectoryImportService} as it arrives: nothing is buffered
 * whole, neither here nor in the service. While it runs the page polls once a second for the progress
 * (bytes and rows); afterwards it shows the counts and every problem with its line, and offers the report
 * as a CSV download. A refused file is explained on the page; nothing is imported then.
 */
@Route("directory/import")
@RolesAllowed(Role.Names.ADMIN)
@Menu(title = "nav.directory.import", order = 950, icon = "vaadin:upload")
public class DirectoryImportView extends VerticalLayout implements HasDynamicTitle {

    static final int POLL_MILLIS = 1000;
    private static final long PROGRESS_EVERY_NANOS = 300_000_000L;
    private static final Logger log = LoggerFactory.getLogger(DirectoryImportView.class);

    private final transient DirectoryImportService imports;
    private final RadioButtonGroup<DirectoryImportKind> kind = new RadioButtonGroup<>();
    private final Paragraph columns = new Paragraph();
    private final Upload upload = new Upload();
    private final ProgressBar progressBar = new ProgressBar();
    private final Span status = new Span();
    private final Div refusal = new Div();
    private final Div report = new Div();
    private final Div summary = new Div();
    private final Div notes = new Div();
    private final Grid<Problem> problems = new Grid<>();
    private final Anchor download;
    private volatile DirectoryImportKind chosen = DirectoryImportKind.COMPANIES;
    private volatile DirectoryImportReport last;

    DirectoryImportView(DirectoryImportService imports) {
        this.imports = imports;
        setId("directory-import-view");
        setSizeFull();

        kind.setId("directory-import-kind");
        kind.setLabel(getTranslation("directory.import.kind"));
        kind.setItems(DirectoryImportKind.values());
        kind.setItemLabelGenerator(k -> getTranslation("directory.import.kind." + k.name()));
        kind.setValue(DirectoryImportKind.COMPANIES);
        kind.addValueChangeListener(e -> {
            chosen = e.getValue() == null ? DirectoryImportKind.COMPANIES : e.getValue();
            describeColumns();
        });
        columns.setId("directory-import-columns");
        columns.getStyle().set("margin", "0").set("font-size", "var(--lumo-font-size-s)")
                .set("color", "var(--lumo-secondary-text-color)");
        describeColumns();

        upload.setId("directory-import-upload");
        upload.setUploadFormat(UploadFormat.RAW);
        upload.setMaxFiles(1);
        upload.setDropAllowed(true);
        upload.setI18n(uploadTexts());
        upload.setUploadHandler(this::receive);
        // the page polls while a file is being imported (Veta has no server push): from the moment the
        // browser starts sending until the import has finished
        upload.getElement().addEventListener("upload-start", e -> e.getSource().getComponent()
                .flatMap(c -> c.getUI()).ifPresent(ui -> ui.setPollInterval(POLL_MILLIS)));

        progressBar.setId("directory-import-progress");
        progressBar.setVisible(false);
        progressBar.setWidth("min(40em, 100%)");
        status.setId("directory-import-status");

        refusal.setId("directory-import-refused");
        refusal.getElement().setAttribute("role", "alert");
        refusal.getStyle().set("color", "var(--lumo-error-text-color)").set("font-weight", "600");
        refusal.setVisible(false);

        summary.setId("directory-import-summary");
        notes.setId("directory-import-notes");
        notes.getStyle().set("font-size", "var(--lumo-font-size-s)");
        problems.setId("directory-import-problems");
        problems.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        problems.addColumn(p -> p.line() > 0 ? String.valueOf(p.line()) : "")
                .setHeader(getTranslation("directory.import.column.line")).setKey("line").setAutoWidth(true)
                .setFlexGrow(0).setTextAlign(ColumnTextAlign.END);
        problems.addColumn(Problem::ref).setHeader(getTranslation("directory.import.column.ref")).setKey("ref")
                .setAutoWidth(true).setFlexGrow(0);
        problems.addColumn(Problem::column).setHeader(getTranslation("directory.import.column.column"))
                .setKey("column").setAutoWidth(true).setFlexGrow(0);
        problems.addColumn(this::reason).setHeader(getTranslation("directory.import.column.reason"))
                .setKey("reason").setFlexGrow(1);
        problems.setHeight("24em");

        download = new Anchor(reportDownload(), "");
        download.setId("directory-import-report-download");
        download.add(VaadinIcon.DOWNLOAD.create(), new Span(getTranslation("directory.import.download")));
        download.addClassName("export-link");

        report.setId("directory-import-report");
        report.add(new H3(getTranslation("directory.import.report")), summary, notes, download, problems);
        report.setWidthFull();
        report.setVisible(false);

        H2 heading = new H2(getTranslation("directory.import.title"));
        heading.getStyle().set("margin", "0");
        Paragraph intro = new Paragraph(getTranslation("directory.import.intro"));
        intro.getStyle().set("margin", "0");
        add(heading, intro, kind, columns, upload, progressBar, status, refusal, report);
    }

    private void describeColumns() {
        DirectoryImportKind k = chosen;
        columns.setText(getTranslation("directory.import.columns.required", String.join(", ", k.requiredColumns())
                .replace("domain", "domain / website")) + " " + getTranslation("directory.import.columns.all",
                String.join(", ", k.columns())));
    }

    /** Runs on the upload request's thread, without the session lock; the page is changed through UI.access. */
    private void receive(UploadEvent event) {
        UI ui = event.getUI();
        DirectoryImportKind k = chosen;
        long size = event.getFileSize();
        String fileName = event.getFileName();
        show(ui, () -> started(ui, fileName));
        long[] lastShown = {System.nanoTime()};
        try (InputStream in = event.getInputStream()) {
            DirectoryImportReport result = imports.importCsv(k, in, p -> {
                long now = System.nanoTime();
                if (now - lastShown[0] >= PROGRESS_EVERY_NANOS) {
                    lastShown[0] = now;
                    show(ui, () -> progress(p, size));
                }
            });
            show(ui, () -> finished(ui, fileName, result));
        } catch (BusinessRuleException e) {
            show(ui, () -> refused(ui, getTranslation(e.messageKey(), e.args())));
            drain(event);
            event.reject(getTranslation(ui.getLocale(), e.messageKey(), e.args()));
        } catch (AccessDeniedException e) {
            event.reject(getTranslation(ui.getLocale(), "error.accessDenied"));
            show(ui, () -> refused(ui, getTranslation("error.accessDenied")));
        } catch (IOException | RuntimeException e) {
            String incident = UUID.randomUUID().toString().substring(0, 8);
            log.error("Directory import of {} failed, incident {}", fileName, incident, e);
            event.reject(getTranslation(ui.getLocale(), "error.unexpected", incident));
            show(ui, () -> refused(ui, getTranslation("error.unexpected", incident)));
        }
    }

    /**
     * Changes the page from the upload's thread. A page that has gone (tab closed, navigated away) is no
     * reason to stop the import: the change is dropped and the import goes on to the end.
     */
    private static void show(UI ui, Command change) {
        try {
            ui.access(change);
        } catch (UIDetachedException e) {
            log.debug("Directory import: the page is gone, not shown: {}", e.toString());
        }
    }

    /** Reads what is left of a refused upload, so the browser gets an answer rather than a reset connection. */
    private static void drain(UploadEvent event) {
        try (InputStream rest = event.getInputStream()) {
            rest.transferTo(java.io.OutputStream.nullOutputStream());
        } catch (IOException | RuntimeException e) {
            log.debug("Directory import: the rest of a refused upload could not be read", e);
        }
    }

    private void started(UI ui, String fileName) {
        ui.setPollInterval(POLL_MILLIS);
        kind.setEnabled(false);
        refusal.setVisible(false);
        report.setVisible(false);
        progressBar.setVisible(true);
        progressBar.setIndeterminate(true);
        status.setText(getTranslation("directory.import.running", fileName == null ? "" : fileName));
    }

    private void progress(DirectoryImportProgress p, long size) {
        if (size > 0) {
            progressBar.setIndeterminate(false);
            progressBar.setValue(Math.min(1.0, (double) p.bytesRead() / size));
        }
        status.setText(getTranslation("directory.import.progress", megabytes(p.bytesRead()),
                size > 0 ? megabytes(size) : "?", p.rowsRead(), p.created() + p.updated(), p.rejected()));
    }

    private void finished(UI ui, String fileName, DirectoryImportReport result) {
        ui.setPollInterval(-1);
        last = result;
        kind.setEnabled(true);
        progressBar.setVisible(false);
        upload.clearFileList();
        status.setText(getTranslation("directory.import.done", fileName == null ? "" : fileName,
                result.millis() / 1000.0));
        showReport(result);
    }

    private void refused(UI ui, String message) {
        ui.setPollInterval(-1);
        kind.setEnabled(true);
        progressBar.setVisible(false);
        upload.clearFileList();
        status.setText("");
        report.setVisible(false);
        refusal.setText(getTranslation("directory.import.refused", message));
        refusal.setVisible(true);
    }

    private void showReport(DirectoryImportReport r) {
        summary.removeAll();
        summary.add(count("read", r.rowsRead()), count("created", r.created()), count("updated", r.updated()),
                count("rejected", r.rejected()));
        summary.getStyle().set("display", "flex").set("gap", "var(--lumo-space-l)").set("flex-wrap", "wrap");
        notes.removeAll();
        if (r.stoppedBy() != null) {
            Paragraph stop = new Paragraph(getTranslation("directory.import.stopped", reason(r.stoppedBy())));
            stop.setId("directory-import-stopped");
            stop.getStyle().set("color", "var(--lumo-error-text-color)");
            notes.add(stop);
        }
        if (!r.ignoredColumns().isEmpty()) {
            notes.add(new Paragraph(getTranslation("directory.import.ignored", String.join(", ", r.ignoredColumns()))));
        }
        if (r.problemsNotListed() > 0) {
            notes.add(new Paragraph(getTranslation("directory.import.notListed", r.problemsNotListed(),
                    DirectoryImportService.MAX_LISTED_PROBLEMS)));
        }
        if (r.problems().isEmpty() && r.stoppedBy() == null) {
            notes.add(new Paragraph(getTranslation("directory.import.noProblems")));
        }
        problems.setItems(r.problems());
        problems.setVisible(!r.problems().isEmpty());
        report.setVisible(true);
    }

    private Span count(String what, long n) {
        Span value = new Span(NumberFormat.getIntegerInstance(getLocale()).format(n));
        value.getStyle().set("font-weight", "700").set("font-size", "var(--lumo-font-size-xl)");
        Span label = new Span(getTranslation("directory.import.summary." + what));
        label.getStyle().set("color", "var(--lumo-secondary-text-color)");
        Span box = new Span(value, new Span(" "), label);
        box.setId("directory-import-" + what);
        box.getElement().setAttribute("data-count", String.valueOf(n));
        return box;
    }

    private String reason(Problem p) {
        return getTranslation(p.messageKey(), p.argsArray());
    }

    private String megabytes(long bytes) {
        NumberFormat f = NumberFormat.getNumberInstance(getLocale());
        f.setMaximumFractionDigits(1);
        f.setMinimumFractionDigits(1);
        return f.format(bytes / 1_000_000.0);
    }

    /** The last report as CSV, in the language of the page that asked for it. */
    private DownloadHandler reportDownload() {
        return event -> {
            DirectoryImportReport r = last;
            Locale locale = getLocale();
            event.setFileName("veta-directory-import-" + LocalDate.now(ZoneOffset.UTC) + ".csv");
            event.setContentType("text/csv; charset=UTF-8");
            try (Writer out = new OutputStreamWriter(event.getOutputStream(), StandardCharsets.UTF_8)) {
                ImportReportCsv.write(r, (key, args) -> getTranslation(locale, key, args), out);
            }
        };
    }

    private UploadI18N uploadTexts() {
        UploadI18N i18n = new UploadI18N();
        i18n.setAddFiles(new UploadI18N.AddFiles().setOne(getTranslation("directory.import.upload.button"))
                .setMany(getTranslation("directory.import.upload.button")));
        i18n.setDropFiles(new UploadI18N.DropFiles().setOne(getTranslation("directory.import.upload.drop"))
                .setMany(getTranslation("directory.import.upload.drop")));
        i18n.setError(new UploadI18N.Error().setTooManyFiles(getTranslation("directory.import.upload.tooMany"))
                .setFileIsTooBig(getTranslation("directory.import.upload.tooBig"))
                .setIncorrectFileType(getTranslation("directory.import.upload.wrongType")));
        i18n.setUploading(new UploadI18N.Uploading()
                .setStatus(new UploadI18N.Uploading.Status().setConnecting(getTranslation("directory.import.upload.connecting"))
                        .setStalled(getTranslation("directory.import.upload.stalled"))
                        .setProcessing(getTranslation("directory.import.upload.processing"))
                        .setHeld(getTranslation("directory.import.upload.held")))
                .setRemainingTime(new UploadI18N.Uploading.RemainingTime()
                        .setPrefix(getTranslation("directory.import.upload.remaining"))
                        .setUnknown(getTranslation("directory.import.upload.remainingUnknown")))
                .setError(new UploadI18N.Uploading.Error()
                        .setServerUnavailable(getTranslation("directory.import.upload.serverUnavailable"))
                        .setUnexpectedServerError(getTranslation("directory.import.upload.serverError"))
                        .setForbidden(getTranslation("directory.import.upload.forbidden"))
                        .setFileTooLarge(getTranslation("directory.import.upload.tooBig"))));
        i18n.setFile(new UploadI18N.File().setRetry(getTranslation("directory.import.upload.retry"))
                .setStart(getTranslation("directory.import.upload.start"))
                .setRemove(getTranslation("directory.import.upload.remove")));
        return i18n;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("directory.import.title") + " · " + getTranslation("app.name");
    }
}
