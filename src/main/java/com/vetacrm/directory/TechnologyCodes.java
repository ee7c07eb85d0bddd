package com.vetacrm.directory;

import java.util.Collection;
import java.util.List;

/**
 * A company's technology codes as {@code directory_company.technology_codes} holds them (change 0028): sorted,
 * comma-separated, null for none. It is a copy of the company's {@code directory_company_technology} rows, written
 * with them by the import and the generator, so lead mining reads a company's codes with its row instead of one
 * index look-up per company (decision 116). Codes are {@code [a-z0-9_]}: no comma in them.
 */
final class TechnologyCodes {

    private TechnologyCodes() {
    }

    static String join(Collection<String> codes) {
        return codes.isEmpty() ? null : String.join(",", codes.stream().sorted().toList());
    }

    static List<String> split(String codes) {
        return codes == null || codes.isEmpty() ? List.of() : List.of(codes.split(","));
    }
}
