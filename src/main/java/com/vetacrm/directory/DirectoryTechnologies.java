package com.vetacrm.directory;

import com.vetacrm.directory.DirectoryReferenceSnapshot.Tech;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The notable web technologies of a generated company (DATA.md §5). A detection service lists dozens per
 * site; the directory keeps 1 to 12, few for a small firm and more for a big one (about 2 for 1-10
 * employees, 3.5 for 11-50, 5 for 51-200, 6.5 for 201-1,000, 8.5 and more above), about 3.3 on average.
 * Which ones follows DATA.md's shares of all websites:
 * <ol>
 * <li>the site's platform, drawn as W3Techs counts them: no CMS 29.8 %, WordPress 43.7 %, Shopify 4.6 %,
 *     Wix 3.2 %… (at most one; big firms lean to Adobe Experience Manager and Sitecore, B2B firms away from
 *     Shopify);</li>
 * <li>a shop (at most one), about 21 % of sites, more for retail and consumer firms, fewer for B2B: the one
 *     of the platform where it has one (WooCommerce on WordPress, Wix Stores on Wix…);</li>
 * <li>the rest drawn without replacement in proportion to their shares with DATA.md's multipliers (B2B
 *     tools ×4 for B2B firms, enterprise tools for 1,000+ employees, regional ones only in their region),
 *     at most one per kind (web server, hosting, CDN, CRM, live chat, tag manager, cookie banner…),
 *     WordPress plugins only on WordPress, no server stack behind a hosted builder.</li>
 * </ol>
 */
final class DirectoryTechnologies {

    /** Share of all websites in percent, by technology code (DATA.md §5; [E] where it has none). */
    private static final Map<String, Double> SHARE = Map.ofEntries(
            // platforms (W3Techs CMS, Nov 2024)
            Map.entry("wordpress", 43.7), Map.entry("shopify", 4.6), Map.entry("wix", 3.2), Map.entry("squarespace", 2.2),
            Map.entry("joomla", 1.6), Map.entry("drupal", 0.9), Map.entry("adobe_experience_manager", 0.9),
            Map.entry("webflow", 0.8), Map.entry("prestashop", 0.7), Map.entry("google_sites", 0.6),
            Map.entry("magento", 0.6), Map.entry("typo3", 0.3), Map.entry("jimdo", 0.3), Map.entry("weebly", 0.3),
            Map.entry("duda", 0.3), Map.entry("hubspot_cms", 0.3), Map.entry("sitecore", 0.2), Map.entry("ghost", 0.1),
            Map.entry("craft_cms", 0.1), Map.entry("contentful", 0.1), Map.entry("umbraco", 0.1), Map.entry("strapi", 0.05),
            Map.entry("sanity", 0.05),
            // shops (Web Almanac 2024, as shares of all sites)
            Map.entry("woocommerce", 7.0), Map.entry("opencart", 0.4), Map.entry("bigcommerce", 0.3),
            Map.entry("ecwid", 0.3), Map.entry("shopware", 0.2), Map.entry("squarespace_commerce", 1.9),
            Map.entry("wix_stores", 1.0), Map.entry("salesforce_commerce_cloud", 0.1), Map.entry("sap_commerce_cloud", 0.05),
            Map.entry("vtex", 0.1), Map.entry("tiendanube", 0.1),
            // the rest
            Map.entry("jquery", 78.0), Map.entry("php", 75.0), Map.entry("google_analytics", 55.0),
            Map.entry("google_fonts", 55.0), Map.entry("google_tag_manager", 47.0), Map.entry("core_js", 40.0),
            Map.entry("nginx", 34.0), Map.entry("apache_http_server", 28.0), Map.entry("font_awesome", 25.0),
            Map.entry("cloudflare", 20.0), Map.entry("bootstrap", 20.0), Map.entry("google_ads", 15.0),
            Map.entry("litespeed", 14.0), Map.entry("yoast_seo", 12.0), Map.entry("elementor", 10.0),
            Map.entry("facebook_pixel", 10.0), Map.entry("youtube", 10.0), Map.entry("swiper", 10.0),
            Map.entry("google_maps", 8.0), Map.entry("recaptcha", 8.0), Map.entry("amazon_web_services", 8.0),
            Map.entry("asp_net", 6.0), Map.entry("contact_form_7", 5.0), Map.entry("lodash", 5.0),
            Map.entry("paypal", 4.0), Map.entry("godaddy", 4.0), Map.entry("google_cloud", 4.0),
            Map.entry("microsoft_iis", 4.0), Map.entry("react", 4.0), Map.entry("node_js", 3.0), Map.entry("gsap", 3.0),
            Map.entry("google_workspace", 3.0), Map.entry("microsoft_365", 3.0),
            Map.entry("mailchimp", 2.0), Map.entry("microsoft_clarity", 2.0), Map.entry("hotjar", 2.0),
            Map.entry("yandex_metrica", 2.0), Map.entry("whatsapp_business", 2.0), Map.entry("stripe", 2.0),
            Map.entry("ovhcloud", 2.0), Map.entry("hostinger", 2.0), Map.entry("divi", 2.0),
            Map.entry("hubspot", 1.5), Map.entry("linkedin_insight_tag", 1.5), Map.entry("gravity_forms", 1.5),
            Map.entry("microsoft_azure", 1.5), Map.entry("digitalocean", 1.5), Map.entry("hetzner", 1.5),
            Map.entry("vimeo", 1.5), Map.entry("akamai", 1.4), Map.entry("amazon_cloudfront", 1.2),
            Map.entry("fastly", 1.1), Map.entry("matomo", 1.0), Map.entry("klaviyo", 1.0), Map.entry("tawk_to", 1.0),
            Map.entry("onetrust", 1.0), Map.entry("cookiebot", 1.0), Map.entry("next_js", 1.0), Map.entry("vue_js", 1.0),
            Map.entry("adobe_analytics", 0.5), Map.entry("tiktok_pixel", 0.5), Map.entry("pardot", 0.5),
            Map.entry("salesforce", 0.5), Map.entry("klarna", 0.5), Map.entry("zendesk", 0.4),
            Map.entry("zendesk_chat", 0.4), Map.entry("marketo", 0.3), Map.entry("activecampaign", 0.3),
            Map.entry("zoho_crm", 0.3), Map.entry("typeform", 0.3), Map.entry("intercom", 0.3), Map.entry("tidio", 0.3),
            Map.entry("square", 0.3), Map.entry("mercado_pago", 0.3), Map.entry("angular", 0.3),
            Map.entry("livechat", 0.2), Map.entry("freshdesk", 0.1), Map.entry("drift", 0.1), Map.entry("adyen", 0.1));

    /** Kinds a site has one of at most. */
    private static final Set<String> ONE_OF = Set.of("cms", "e-commerce", "web server", "programming language",
            "web framework", "hosting", "cdn", "tag manager", "cookie consent", "live chat", "crm", "customer support",
            "email", "javascript framework", "search", "reviews", "seo", "forms", "a/b testing", "accessibility",
            "marketing automation", "scheduling", "personalisation", "ui framework", "maps");
    /** Plugins and hosts that only exist on WordPress. */
    private static final Set<String> WORDPRESS_ONLY = Set.of("woocommerce", "yoast_seo", "rank_math", "all_in_one_seo",
            "elementor", "divi", "contact_form_7", "gravity_forms", "wpforms", "wordfence", "wp_engine", "kinsta");
    /** Hosted site builders: the builder is the server, host and stack. */
    private static final Set<String> HOSTED = Set.of("shopify", "wix", "squarespace", "webflow", "google_sites",
            "weebly", "jimdo", "duda", "hubspot_cms");
    /** Kinds a hosted builder does not let a site choose. */
    private static final Set<String> HOSTED_NONE = Set.of("web server", "programming language", "web framework",
            "hosting");
    private static final Set<String> PHP_PLATFORMS = Set.of("wordpress", "joomla", "drupal", "typo3", "prestashop",
            "magento", "opencart", "craft_cms", "shopware");
    private static final Set<String> B2B_TOOLS = Set.of("hubspot", "pardot", "salesforce", "marketo", "linkedin_insight_tag",
            "intercom", "drift", "zendesk", "eloqua", "act_on", "chili_piper", "calendly", "vidyard", "wistia",
            "microsoft_dynamics_365", "pipedrive", "freshsales", "zoho_crm", "hubspot_cms");
    private static final Set<String> CONSUMER_TOOLS = Set.of("stripe", "paypal", "klarna", "afterpay", "apple_pay",
            "amazon_pay", "tiktok_pixel", "pinterest_tag", "snap_pixel", "judge_me", "yotpo", "klaviyo", "omnisend");
    private static final Set<String> ENTERPRISE = Set.of("adobe_experience_manager", "sitecore", "akamai", "adobe_analytics",
            "onetrust", "eloqua", "tealium", "adobe_experience_platform_launch", "adobe_target", "servicenow",
            "salesforce_commerce_cloud", "sap_commerce_cloud", "optimizely", "imperva", "microsoft_dynamics_365",
            "marketo", "salesforce", "segment", "bloomreach", "dynamic_yield", "usercentrics");
    private static final Set<String> LATAM = Set.of("MX", "AR", "BR", "CO", "CL", "PE", "UY");
    /** Technologies used (almost) only in some countries. */
    private static final Map<String, Set<String>> REGIONAL = Map.ofEntries(
            Map.entry("mercado_pago", LATAM), Map.entry("tiendanube", Set.of("AR", "BR", "MX", "CO", "CL")),
            Map.entry("vtex", LATAM), Map.entry("redsys", Set.of("ES")),
            Map.entry("mollie", Set.of("NL", "BE", "DE", "FR", "AT")), Map.entry("doofinder", Set.of("ES", "FR", "IT", "MX")),
            Map.entry("afterpay", Set.of("AU", "US", "GB")), Map.entry("feefo", Set.of("GB", "IE")),
            Map.entry("typo3", Set.of("DE", "AT", "CH", "NL")), Map.entry("shopware", Set.of("DE", "AT", "CH", "NL")),
            Map.entry("jimdo", Set.of("DE", "AT", "CH")), Map.entry("yandex_metrica", Set.of("RU", "BY", "KZ", "TR")),
            Map.entry("ionos", Set.of("DE", "ES", "GB", "FR", "US")), Map.entry("hetzner", Set.of("DE", "AT", "CH", "FI")),
            Map.entry("ovhcloud", Set.of("FR", "BE", "ES", "PL", "IT", "DE", "CA")), Map.entry("didomi", Set.of("FR")),
            Map.entry("piwik_pro", Set.of("PL", "DE")));
    /** ×3 where the technology is much more common (DATA.md §5: WhatsApp in LATAM and Spain…). */
    private static final Map<String, Set<String>> STRONGER = Map.ofEntries(
            Map.entry("whatsapp_business", Set.of("MX", "AR", "BR", "CO", "CL", "ES", "IT", "IN")),
            Map.entry("prestashop", Set.of("FR", "ES", "IT", "PL")), Map.entry("klarna", Set.of("SE", "DE", "AT", "NL")),
            Map.entry("trustpilot", Set.of("GB", "DK")), Map.entry("cookiebot", Set.of("DE", "NL", "DK", "AT")),
            Map.entry("matomo", Set.of("FR", "DE")), Map.entry("usercentrics", Set.of("DE", "AT", "CH")));

    private final List<Tech> all;
    private final String[] kind;
    private final double[] base;
    private final int[] platforms;
    /** Sites on a CMS this list does not name: W3Techs' 70.2 % with a CMS less the listed platforms' shares. */
    private final double unlisted;
    private final Map<String, Integer> index = new HashMap<>();
    /** Fill weights per profile (size class, B2B, country): pure functions of the key. */
    private final Map<String, double[]> cumulative = new ConcurrentHashMap<>();

    DirectoryTechnologies(List<Tech> technologies) {
        this.all = technologies;
        int n = technologies.size();
        kind = new String[n];
        base = new double[n];
        List<Integer> p = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Tech t = technologies.get(i);
            index.put(t.code(), i);
            kind[i] = t.category() == null ? "" : t.category().toLowerCase(Locale.ROOT);
            base[i] = SHARE.getOrDefault(t.code(), 0.2);
            if (kind[i].equals("cms") || t.code().equals("shopify") || t.code().equals("prestashop")
                    || t.code().equals("magento")) {
                p.add(i);
            }
        }
        platforms = p.stream().mapToInt(Integer::intValue).toArray();
        double listed = 0;
        for (int i : platforms) {
            listed += kind[i].equals("cms") || technologies.get(i).code().equals("shopify") ? base[i] : 0;
        }
        unlisted = Math.max(0, 70.2 - listed);
    }

    /** How many technologies a company of this size lists. */
    static int count(int employees, Random r) {
        if (employees <= 10) return 1 + r.nextInt(3) + (r.nextInt(4) == 0 ? 1 : 0);
        if (employees <= 50) return 2 + r.nextInt(4);
        if (employees <= 200) return 3 + r.nextInt(5);
        if (employees <= 1000) return 4 + r.nextInt(6);
        if (employees <= 10_000) return 6 + r.nextInt(6);
        return 7 + r.nextInt(6);
    }

    private static int sizeClass(int employees) {
        return employees <= 50 ? 0 : employees < 1000 ? 1 : 2;
    }

    /** The company's technologies (codes), 1 to 12. {@code b2b}: not a retail or consumer business. */
    List<String> pick(Random r, int employees, String country, boolean b2b) {
        if (all.isEmpty()) {
            return List.of();
        }
        int want = Math.min(12, count(employees, r));
        int size = sizeClass(employees);
        List<Integer> chosen = new ArrayList<>(want + 1);
        Set<String> kinds = new HashSet<>();

        // 1. platform: none 29.8 % of sites
        int platform = -1;
        if (platforms.length > 0) {
            // no CMS, or one the list does not name: neither is listed
            double none = (29.8 + unlisted) * (size == 2 ? 0.6 : 1.0);
            double total = none;
            double[] w = new double[platforms.length];
            for (int k = 0; k < platforms.length; k++) {
                w[k] = weight(platforms[k], size, b2b, country);
                total += w[k];
            }
            double x = r.nextDouble() * total - none;
            for (int k = 0; k < platforms.length && x >= 0; k++) {
                x -= w[k];
                if (x < 0) {
                    platform = platforms[k];
                }
            }
        }
        String platformCode = platform < 0 ? null : all.get(platform).code();
        if (platform >= 0) {
            chosen.add(platform);
            kinds.add(kind[platform]);
        }
        boolean shopPlatform = platformCode != null && (kind[platform].equals("e-commerce"));

        // 2. a shop: about 21 % of sites; retail and consumer firms more, B2B firms fewer
        if (!shopPlatform && chosen.size() < want && !kinds.contains("e-commerce")) {
            double p = (b2b ? 0.08 : 0.35) * (size == 2 ? 1.3 : 1.0);
            if (r.nextDouble() < p) {
                String shop = shopFor(platformCode, country, size, r);
                Integer i = shop == null ? null : index.get(shop);
                if (i != null) {
                    chosen.add(i);
                    kinds.add(kind[i]);
                }
            }
        }
        if (shopPlatform) {
            kinds.add("e-commerce");
        }

        // 3. the rest, without replacement in proportion to the shares
        double[] cum = cumulative.computeIfAbsent(size + ":" + b2b + ":" + country, k -> fill(size, b2b, country));
        double total = cum[cum.length - 1];
        boolean wordpress = "wordpress".equals(platformCode);
        boolean hosted = platformCode != null && HOSTED.contains(platformCode);
        boolean php = platformCode != null && PHP_PLATFORMS.contains(platformCode);
        for (int attempt = 0; chosen.size() < want && attempt < 60 && total > 0; attempt++) {
            int i = find(cum, r.nextDouble() * total);
            String code = all.get(i).code();
            String k = kind[i];
            if (chosen.contains(i) || (ONE_OF.contains(k) && kinds.contains(k))
                    || (WORDPRESS_ONLY.contains(code) && !wordpress) || (hosted && HOSTED_NONE.contains(k))
                    || (php && k.equals("programming language") && !code.equals("php"))
                    || (!php && platformCode != null && code.equals("php"))) {
                continue;
            }
            chosen.add(i);
            kinds.add(k);
        }
        List<String> out = new ArrayList<>(chosen.size());
        chosen.forEach(i -> out.add(all.get(i).code()));
        return out;
    }

    /** The shop of a site: the platform's own where it has one, else a stand-alone one. */
    private String shopFor(String platform, String country, int size, Random r) {
        if ("wordpress".equals(platform)) return "woocommerce";
        if ("wix".equals(platform)) return "wix_stores";
        if ("squarespace".equals(platform)) return "squarespace_commerce";
        if (platform != null && HOSTED.contains(platform)) return "ecwid";
        if (size == 2 && r.nextBoolean()) return r.nextBoolean() ? "salesforce_commerce_cloud" : "sap_commerce_cloud";
        if (LATAM.contains(country) && r.nextInt(3) == 0) return r.nextBoolean() ? "vtex" : "tiendanube";
        if (Set.of("DE", "AT", "CH").contains(country) && r.nextInt(3) == 0) return "shopware";
        return switch (r.nextInt(4)) {
            case 0 -> "bigcommerce";
            case 1 -> "opencart";
            case 2 -> "ecwid";
            default -> "magento";
        };
    }

    private double weight(int i, int size, boolean b2b, String country) {
        String code = all.get(i).code();
        Set<String> region = REGIONAL.get(code);
        if (region != null && !region.contains(country)) {
            return 0;
        }
        double w = base[i];
        if (region != null) {
            w *= 3;
        }
        Set<String> stronger = STRONGER.get(code);
        if (stronger != null && stronger.contains(country)) {
            w *= 3;
        }
        if (b2b && B2B_TOOLS.contains(code)) {
            w *= 4;
        }
        if (b2b && (CONSUMER_TOOLS.contains(code) || code.equals("shopify"))) {
            w *= 0.4;
        }
        if (size == 2) {
            if (ENTERPRISE.contains(code)) w *= 8;
            if (code.equals("wordpress")) w *= 0.7;
            if (HOSTED.contains(code) && !code.equals("shopify")) w *= 0.2;
        } else if (size == 0 && ENTERPRISE.contains(code)) {
            w *= 0.3;
        }
        return w;
    }

    private double[] fill(int size, boolean b2b, String country) {
        double[] cum = new double[all.size()];
        double total = 0;
        for (int i = 0; i < all.size(); i++) {
            boolean excluded = kind[i].equals("cms") || kind[i].equals("e-commerce");
            total += excluded ? 0 : weight(i, size, b2b, country);
            cum[i] = total;
        }
        return cum;
    }

    private static int find(double[] cum, double x) {
        int lo = 0;
        int hi = cum.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cum[mid] > x) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }
}
