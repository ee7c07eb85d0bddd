package com.vetacrm.directory;

import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Job titles consistent with a contact's role and seniority, in the language companies of the country
 * use on their sites and profiles (DATA.md §6): Spanish in Spain and Spanish-speaking America (with
 * Mexico's "Mercadotecnia" and Latin America's "Gerente" at director level), Portuguese in Brazil and
 * Portugal, English elsewhere. Female forms ("Directora", "Jefa", "Diretora") for women.
 */
final class DirectoryTitles {

    /** Title language of a company's country: "es", "es-MX", "es-419" (other Latin America), "pt", "en". */
    static String language(String country) {
        return switch (country) {
            case "ES" -> "es";
            case "MX" -> "es-MX";
            case "AR", "CO", "CL", "PE", "UY", "EC", "VE", "BO", "PY", "CR", "PA", "GT", "DO" -> "es-419";
            case "BR", "PT" -> "pt";
            default -> "en";
        };
    }

    static boolean gendered(String language) {
        return !language.equals("en");
    }

    private static final Set<String> OWNER_ROLES = Set.of("ceo", "founder", "owner", "president");

    private DirectoryTitles() {
    }

    /**
     * A title for the role (a contact_role code such as {@code sale}, {@code finance}) at the seniority
     * ({@code executive}, {@code director}, {@code manager}) in {@code language}.
     */
    static String title(String role, String seniority, String language, boolean female, Random r) {
        String s = seniority == null ? "manager" : seniority.toLowerCase(Locale.ROOT);
        String level = s.startsWith("exec") ? "exec" : s.startsWith("dir") ? "director" : "manager";
        String t = switch (language) {
            case "es", "es-MX", "es-419" -> spanish(role, level, language, r);
            case "pt" -> portuguese(role, level, r);
            default -> null;
        };
        if (t == null) {
            return null;
        }
        return female ? feminine(t, language) : t;
    }

    static boolean ownerRole(String role) {
        return OWNER_ROLES.contains(role);
    }

    // ------------------------------------------------------------------------------------------------
    // Spanish

    private static final Map<String, String> ES_AREA = Map.ofEntries(Map.entry("sale", "Ventas"),
            Map.entry("marketing", "Marketing"), Map.entry("finance", "Finanzas"),
            Map.entry("information_technology", "Sistemas"), Map.entry("human_resources", "Recursos Humanos"),
            Map.entry("operations", "Operaciones"), Map.entry("engineering", "Ingeniería"),
            Map.entry("customer_service", "Atención al Cliente"), Map.entry("legal", "Asesoría Jurídica"),
            Map.entry("communications", "Comunicación"), Map.entry("consulting", "Consultoría"),
            Map.entry("education", "Formación"), Map.entry("health_professional", "Servicios Médicos"),
            Map.entry("product", "Producto"), Map.entry("public_relations", "Relaciones Públicas"),
            Map.entry("real_estate", "Gestión Inmobiliaria"), Map.entry("recruiting", "Selección de Personal"),
            Map.entry("research", "I+D"));

    /** Executive titles by role, Spain first: CFO "Director Financiero", CIO "Director de Sistemas"… */
    private static final Map<String, String> ES_EXEC = Map.ofEntries(Map.entry("sale", "Director Comercial"),
            Map.entry("marketing", "Director de Marketing"), Map.entry("finance", "Director Financiero"),
            Map.entry("information_technology", "Director de Sistemas"),
            Map.entry("human_resources", "Director de RR. HH."), Map.entry("operations", "Director de Operaciones"),
            Map.entry("engineering", "Director de Tecnología"), Map.entry("legal", "Director Jurídico"),
            Map.entry("health_professional", "Director Médico"), Map.entry("customer_service", "Director de Clientes"),
            Map.entry("communications", "Director de Comunicación"), Map.entry("product", "Director de Producto"),
            Map.entry("research", "Director de I+D"));

    private static final Map<String, String> ACRONYM = Map.of("sale", "CRO", "marketing", "CMO", "finance", "CFO",
            "information_technology", "CIO", "human_resources", "CHRO", "operations", "COO", "engineering", "CTO",
            "product", "CPO");

    private static String spanish(String role, String level, String language, Random r) {
        boolean latam = !language.equals("es");
        if (ownerRole(role)) {
            return switch (role) {
                case "founder" -> switch (r.nextInt(3)) {
                    case 0 -> "Fundador";
                    case 1 -> "Fundador y CEO";
                    default -> "Cofundador";
                };
                case "owner" -> switch (r.nextInt(3)) {
                    case 0 -> "Propietario";
                    case 1 -> "Socio Director";
                    default -> latam ? "Dueño" : "Socio Fundador";
                };
                case "president" -> "Presidente";
                default -> switch (r.nextInt(3)) {
                    case 0 -> "CEO";
                    case 1 -> "Director General";
                    default -> latam ? "Gerente General" : "Consejero Delegado";
                };
            };
        }
        String area = ES_AREA.getOrDefault(role, "Administración");
        if (language.equals("es-MX") && role.equals("marketing")) {
            area = "Mercadotecnia";
        }
        if (latam && role.equals("recruiting")) {
            area = "Reclutamiento";
        }
        if (latam && role.equals("education")) {
            area = "Capacitación";
        }
        if (role.equals("information_technology") && r.nextInt(3) == 0) {
            area = "TI";
        }
        if (role.equals("human_resources") && r.nextInt(3) == 0) {
            area = "RR. HH.";
        }
        return switch (level) {
            case "exec" -> {
                String acronym = ACRONYM.get(role);
                if (acronym != null && r.nextInt(100) < 25) {
                    yield acronym;
                }
                String exec = ES_EXEC.get(role);
                if (exec != null && language.equals("es-MX") && role.equals("marketing")) {
                    exec = "Director de Mercadotecnia";
                }
                yield exec != null ? exec : "Director de " + area;
            }
            case "director" -> {
                if (role.equals("sale") && r.nextBoolean()) {
                    yield latam ? "Gerente Comercial" : "Director Comercial";
                }
                if (role.equals("finance") && r.nextInt(3) == 0) {
                    yield latam ? "Contralor" : "Director de Administración y Finanzas";
                }
                yield latam && r.nextInt(100) < 60 ? "Gerente de " + area : "Director de " + area;
            }
            default -> {
                if (role.equals("sale") && r.nextInt(4) == 0) {
                    yield "Gerente de Cuentas";
                }
                if (role.equals("finance") && r.nextInt(4) == 0) {
                    yield "Jefe de Contabilidad";
                }
                if (role.equals("operations") && r.nextInt(4) == 0) {
                    yield "Jefe de Compras";
                }
                if (role.equals("legal") && r.nextBoolean()) {
                    yield "Abogado Interno";
                }
                if (role.equals("marketing") && !latam && r.nextInt(3) == 0) {
                    yield "Responsable de Marketing Digital";
                }
                yield switch (r.nextInt(latam ? 4 : 5)) {
                    case 0, 1 -> "Jefe de " + area;
                    case 2 -> "Coordinador de " + area;
                    case 3 -> latam ? "Supervisor de " + area : "Responsable de " + area;
                    default -> "Responsable de " + area;
                };
            }
        };
    }

    // ------------------------------------------------------------------------------------------------
    // Portuguese

    private static final Map<String, String> PT_AREA = Map.ofEntries(Map.entry("sale", "Vendas"),
            Map.entry("marketing", "Marketing"), Map.entry("finance", "Finanças"),
            Map.entry("information_technology", "TI"), Map.entry("human_resources", "Recursos Humanos"),
            Map.entry("operations", "Operações"), Map.entry("engineering", "Engenharia"),
            Map.entry("customer_service", "Atendimento ao Cliente"), Map.entry("legal", "Jurídico"),
            Map.entry("communications", "Comunicação"), Map.entry("consulting", "Consultoria"),
            Map.entry("education", "Treinamento"), Map.entry("health_professional", "Saúde"),
            Map.entry("product", "Produto"), Map.entry("public_relations", "Relações Públicas"),
            Map.entry("real_estate", "Gestão Imobiliária"), Map.entry("recruiting", "Recrutamento e Seleção"),
            Map.entry("research", "Pesquisa e Desenvolvimento"));

    private static final Map<String, String> PT_EXEC = Map.ofEntries(Map.entry("sale", "Diretor Comercial"),
            Map.entry("marketing", "Diretor de Marketing"), Map.entry("finance", "Diretor Financeiro"),
            Map.entry("information_technology", "Diretor de TI"), Map.entry("human_resources", "Diretor de RH"),
            Map.entry("operations", "Diretor de Operações"), Map.entry("engineering", "Diretor de Tecnologia"),
            Map.entry("legal", "Diretor Jurídico"), Map.entry("product", "Diretor de Produto"));

    private static String portuguese(String role, String level, Random r) {
        if (ownerRole(role)) {
            return switch (role) {
                case "founder" -> switch (r.nextInt(3)) {
                    case 0 -> "Fundador";
                    case 1 -> "Fundador e CEO";
                    default -> "Sócio-Fundador";
                };
                case "owner" -> r.nextBoolean() ? "Sócio-Diretor" : "Proprietário";
                case "president" -> "Presidente";
                default -> switch (r.nextInt(3)) {
                    case 0 -> "CEO";
                    case 1 -> "Diretor-Presidente";
                    default -> "Diretor Geral";
                };
            };
        }
        String area = PT_AREA.getOrDefault(role, "Administração");
        return switch (level) {
            case "exec" -> {
                String acronym = ACRONYM.get(role);
                if (acronym != null && r.nextInt(100) < 30) {
                    yield acronym;
                }
                String exec = PT_EXEC.get(role);
                yield exec != null ? exec : "Diretor de " + area;
            }
            case "director" -> r.nextInt(4) == 0 ? "Head de " + area : "Diretor de " + area;
            default -> switch (r.nextInt(4)) {
                case 0, 1 -> "Gerente de " + area;
                case 2 -> "Coordenador de " + area;
                default -> role.equals("sale") ? "Gerente de Contas" : "Gerente de " + area;
            };
        };
    }

    // ------------------------------------------------------------------------------------------------

    private static final Map<String, String> FEMININE = Map.ofEntries(Map.entry("Director", "Directora"),
            Map.entry("Diretor", "Diretora"), Map.entry("Jefe", "Jefa"), Map.entry("Coordinador", "Coordinadora"),
            Map.entry("Coordenador", "Coordenadora"), Map.entry("Supervisor", "Supervisora"),
            Map.entry("Consejero", "Consejera"), Map.entry("Delegado", "Delegada"), Map.entry("Fundador", "Fundadora"),
            Map.entry("Cofundador", "Cofundadora"), Map.entry("Propietario", "Propietaria"),
            Map.entry("Proprietário", "Proprietária"), Map.entry("Socio", "Socia"), Map.entry("Sócio", "Sócia"),
            Map.entry("Dueño", "Dueña"), Map.entry("Abogado", "Abogada"), Map.entry("Contralor", "Contralora"),
            Map.entry("Financiero", "Financiera"), Map.entry("Financeiro", "Financeira"),
            Map.entry("Jurídico", "Jurídica"), Map.entry("Médico", "Médica"), Map.entry("Interno", "Interna"));

    /** The title for a woman: "Directora Financiera", "Jefa de Ventas", "Sócia-Diretora"; Spanish "Presidenta". */
    static String feminine(String title, String language) {
        StringBuilder out = new StringBuilder(title.length() + 4);
        for (String word : title.split(" ", -1)) {
            if (!out.isEmpty()) {
                out.append(' ');
            }
            StringBuilder w = new StringBuilder();
            for (String part : word.split("-", -1)) {
                if (!w.isEmpty()) {
                    w.append('-');
                }
                String f = FEMININE.get(part);
                if (f == null && part.equals("Presidente") && language.startsWith("es")) {
                    f = "Presidenta";
                }
                w.append(f == null ? part : f);
            }
            out.append(w);
        }
        return out.toString();
    }
}
