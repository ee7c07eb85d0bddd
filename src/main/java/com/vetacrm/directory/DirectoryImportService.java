package com.vetacrm.directory;

import com.vetacrm.directory.DirectoryImportReport.Problem;
import com.vetacrm.security.Role;
import com.vetacrm.shared.BusinessRuleException;
import jakarta.annotation.security.RolesAllowed;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * CSV import into the company directory (DESIGN §7), for administrators: a companies file or a contacts
 * file (columns, rules and limits in {@code docs/directory-import.md}), UTF-8, a header row, comma or
 * semicolon.
 * <p>
 * The file is read as a stream: one record at a time, checked row by row, written in batches of 500
 * with {@code INSERT … ON DUPLICATE KEY UPDATE} keyed by {@code ref} (contacts: by company and position,
 * e-mail or name), each batch in its own transaction. Memory holds one batch, the first
 * {@value #MAX_LISTED_PROBLEMS} problems and a 12-byte fingerprint per ref, never the file. Good rows
 * are imported and bad ones reported with their line number and reason; importing the same file again
 * updates the same records and creates none. If the process dies half-way, the committed batches stay
 * and running the file again completes it.
 * <p>
 * Before anything is written the file must look like CSV text: not binary (image, archive, workbook,
 * PDF), UTF-8, and a header naming the required columns of its kind. Otherwise it is refused
 * ({@link BusinessRuleException}) and nothing is imported. One import runs at a time.
 */
@Service
@RolesAllowed(Role.Names.ADMIN)
public class DirectoryImportService {

    public static final int MAX_LISTED_PROBLEMS = 10_000;

    private static final Logger log = LoggerFactory.getLogger(DirectoryImportService.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final ReentrantLock running = new ReentrantLock();

    DirectoryImportService(JdbcTemplate jdbc, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.tx = tx;
    }

    public DirectoryImportReport importCsv(DirectoryImportKind kind, InputStream csv) {
        return importCsv(kind, csv, p -> { });
    }

    /**
     * Imports the file, reading it as it arrives, and tells {@code progress} after every committed batch.
     * The stream is read to the end (or to the point where reading had to stop) but not closed.
     *
     * @throws BusinessRuleException when the file is refused as a whole (nothing is imported then) or
     *                               another import is running
     */
    public DirectoryImportReport importCsv(DirectoryImportKind kind, InputStream csv,
            Consumer<DirectoryImportProgress> progress) {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(csv, "csv");
        Consumer<DirectoryImportProgress> listener = progress == null ? p -> { } : progress;
        if (!running.tryLock()) {
            throw new BusinessRuleException("directory.import.error.busy");
        }
        try {
            return run(kind, csv, listener);
        } finally {
            running.unlock();
        }
    }

    private DirectoryImportReport run(DirectoryImportKind kind, InputStream csv,
            Consumer<DirectoryImportProgress> progress) {
        long started = System.nanoTime();
        CsvInput input;
        CsvReader.Record headerRecord;
        try {
            input = CsvInput.open(csv);
            headerRecord = input.reader().next();
        } catch (IOException e) {
            log.info("Directory import: the upload could not be read: {}", e.toString());
            throw new BusinessRuleException("directory.import.error.unreadable");
        } catch (CsvReader.CsvFormatException e) {
            throw new BusinessRuleException("directory.import.error.badHeader");
        }
        if (headerRecord == null) {
            throw new BusinessRuleException("directory.import.error.empty");
        }
        ImportHeader header = ImportHeader.of(kind, headerRecord.values());
        ImportTally tally = new ImportTally(MAX_LISTED_PROBLEMS);
        ImportReference reference = ImportReference.read(jdbc);
        ImportBatches<?> rows = kind == DirectoryImportKind.COMPANIES
                ? new CompanyImport(jdbc, tx, header, reference, tally)
                : new ContactImport(jdbc, tx, header, reference, tally);
        log.info("Directory import of {} started (separator '{}', columns {}, ignored {})", kind, input.separator(),
                headerRecord.values().size(), header.ignored());

        Problem stoppedBy = null;
        while (true) {
            CsvReader.Record record;
            try {
                record = input.reader().next();
            } catch (CsvReader.CsvFormatException e) {
                stoppedBy = ImportTally.problem(e.line(), null, null, "directory.import.stop." + e.reason(),
                        e.line(), CsvReader.MAX_RECORD_CHARS);
                break;
            } catch (IOException e) {
                log.info("Directory import: reading stopped after {} rows: {}", tally.rowsRead, e.toString());
                stoppedBy = ImportTally.problem(0, null, null, "directory.import.stop.readFailed", tally.rowsRead);
                break;
            }
            if (record == null) {
                break;
            }
            tally.rowsRead++;
            List<String> values = record.values();
            if (values.size() < header.width()
                    || values.subList(header.width(), values.size()).stream().anyMatch(v -> !v.isBlank())) {
                tally.reject(List.of(ImportTally.problem(record.line(), null, null, "directory.import.row.valueCount",
                        values.size(), header.width())));
                continue;
            }
            if (record.invalidText()) {
                tally.reject(List.of(ImportTally.problem(record.line(), null, null, "directory.import.row.invalidText")));
                continue;
            }
            if (rows.accept(record)) {
                rows.flush();
                progress.accept(tally.progress(input.bytesRead()));
            }
        }
        rows.flush();
        progress.accept(tally.progress(input.bytesRead()));
        long millis = (System.nanoTime() - started) / 1_000_000;
        log.info("Directory import of {} finished in {} ms: {} rows read, {} created, {} updated, {} rejected{}", kind,
                millis, tally.rowsRead, tally.created, tally.updated, tally.rejected,
                stoppedBy == null ? "" : ", stopped: " + stoppedBy.messageKey() + " at line " + stoppedBy.line());
        return new DirectoryImportReport(kind, input.separator(), tally.rowsRead, tally.created, tally.updated,
                tally.rejected, tally.problemsInLineOrder(), tally.notListed(), header.ignored(), stoppedBy, millis);
    }
}
