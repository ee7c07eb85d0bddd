package com.vetacrm.directory;

/**
 * How far a running import is, reported after every committed batch.
 *
 * @param bytesRead bytes taken from the upload so far
 * @param rowsRead  data rows read so far
 * @param created   rows that created a record
 * @param updated   rows that updated one
 * @param rejected  rows refused
 */
public record DirectoryImportProgress(long bytesRead, long rowsRead, long created, long updated, long rejected) {
}
