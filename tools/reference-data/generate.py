#!/usr/bin/env python3
"""Generate Veta's reference-data CSV files (src/main/resources/db/data/*.csv).

Run once from the project root (or anywhere):  python3 tools/reference-data/generate.py
Re-running on the same inputs gives byte-identical files. The outputs are committed; the application
never reads /usr/share at run time. Provenance and licences: docs/data-sources.md.

Inputs (Debian packages `iso-codes` and `tzdata`):
  /usr/share/iso-codes/json/iso_3166-1.json, iso_3166-2.json             (ISO 3166-1 / 3166-2, LGPL-2.1+)
  /usr/share/locale/es/LC_MESSAGES/iso_3166-1.mo, iso_3166-2.mo          (Spanish names)
  /usr/share/zoneinfo/zone.tab                                           (IANA tz: zones per country, public domain)
Hand-curated here (see the dictionaries below): time zones per subdivision for countries that span
several zones, Odoo's lead-mining industries / roles / seniorities with Spanish names, web technologies.
"""
import csv
import gettext
import json
import os
import re
import sys

ISO = os.environ.get("ISO_CODES_DIR", "/usr/share/iso-codes/json")
MO = os.environ.get("ISO_CODES_LOCALE_DIR", "/usr/share/locale/es/LC_MESSAGES")
ZONE_TAB = os.environ.get("ZONE_TAB", "/usr/share/zoneinfo/zone.tab")
OUT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..",
                                    "src", "main", "resources", "db", "data"))

# --- countries -----------------------------------------------------------------------------------

# iso-codes leaves these untranslated in Spanish although Spanish has its own exonym.
COUNTRY_ES_OVERRIDES = {
    "DZ": "Argelia",
    "TR": "Turquía",
}
# iso-codes' short English "common names" without a Spanish translation in the .mo file.
COMMON_NAME_ES = {
    "IR": "Irán",
    "KR": "Corea del Sur",
    "KP": "Corea del Norte",
    "LA": "Laos",
    "SY": "Siria",
}

# --- subdivisions --------------------------------------------------------------------------------

# iso-codes marks a few Spanish names given in a co-official language with '*' (ISO 3166-2 lists both);
# for these the Castilian name is used for name and name_es.
STATE_ES_OVERRIDES = {
    "ES-A": "Alicante",
    "ES-CS": "Castellón",
    "ES-NA": "Navarra",
    "ES-NC": "Comunidad Foral de Navarra",
    "ES-VI": "Álava",
}

# --- time zones ----------------------------------------------------------------------------------

# Countries in iso-codes without a line in zone.tab (uninhabited territories).
COUNTRY_ZONE_FALLBACK = {
    "BV": ["Europe/Oslo"],        # Bouvet Island, Norwegian dependency
    "HM": ["Indian/Kerguelen"],   # Heard & McDonald Islands, UTC+5 like Kerguelen
}

# The main zone of each subdivision of countries spanning several zones (where most of its people
# live; e.g. Florida's panhandle is Central but most of the state is Eastern). Key: ISO 3166-2 code.
US = {
    "AL": "America/Chicago", "AK": "America/Anchorage", "AZ": "America/Phoenix", "AR": "America/Chicago",
    "CA": "America/Los_Angeles", "CO": "America/Denver", "CT": "America/New_York", "DE": "America/New_York",
    "DC": "America/New_York", "FL": "America/New_York", "GA": "America/New_York", "HI": "Pacific/Honolulu",
    "ID": "America/Boise", "IL": "America/Chicago", "IN": "America/Indiana/Indianapolis", "IA": "America/Chicago",
    "KS": "America/Chicago", "KY": "America/New_York", "LA": "America/Chicago", "ME": "America/New_York",
    "MD": "America/New_York", "MA": "America/New_York", "MI": "America/Detroit", "MN": "America/Chicago",
    "MS": "America/Chicago", "MO": "America/Chicago", "MT": "America/Denver", "NE": "America/Chicago",
    "NV": "America/Los_Angeles", "NH": "America/New_York", "NJ": "America/New_York", "NM": "America/Denver",
    "NY": "America/New_York", "NC": "America/New_York", "ND": "America/Chicago", "OH": "America/New_York",
    "OK": "America/Chicago", "OR": "America/Los_Angeles", "PA": "America/New_York", "RI": "America/New_York",
    "SC": "America/New_York", "SD": "America/Chicago", "TN": "America/Chicago", "TX": "America/Chicago",
    "UT": "America/Denver", "VT": "America/New_York", "VA": "America/New_York", "WA": "America/Los_Angeles",
    "WV": "America/New_York", "WI": "America/Chicago", "WY": "America/Denver",
    # outlying areas (their zones are listed under their own ISO 3166-1 codes in zone.tab)
    "AS": "Pacific/Pago_Pago", "GU": "Pacific/Guam", "MP": "Pacific/Saipan", "PR": "America/Puerto_Rico",
    "VI": "America/St_Thomas",
}
CA = {
    "AB": "America/Edmonton", "BC": "America/Vancouver", "MB": "America/Winnipeg", "NB": "America/Moncton",
    "NL": "America/St_Johns", "NS": "America/Halifax", "NT": "America/Edmonton", "NU": "America/Iqaluit",
    "ON": "America/Toronto", "PE": "America/Halifax", "QC": "America/Toronto", "SK": "America/Regina",
    "YT": "America/Whitehorse",
}
MX = {
    "AGU": "America/Mexico_City", "BCN": "America/Tijuana", "BCS": "America/Mazatlan", "CAM": "America/Merida",
    "CHP": "America/Mexico_City", "CHH": "America/Chihuahua", "CMX": "America/Mexico_City",
    "COA": "America/Monterrey", "COL": "America/Mexico_City", "DUR": "America/Monterrey",
    "GUA": "America/Mexico_City", "GRO": "America/Mexico_City", "HID": "America/Mexico_City",
    "JAL": "America/Mexico_City", "MEX": "America/Mexico_City", "MIC": "America/Mexico_City",
    "MOR": "America/Mexico_City", "NAY": "America/Mazatlan", "NLE": "America/Monterrey",
    "OAX": "America/Mexico_City", "PUE": "America/Mexico_City", "QUE": "America/Mexico_City",
    "ROO": "America/Cancun", "SLP": "America/Mexico_City", "SIN": "America/Mazatlan",
    "SON": "America/Hermosillo", "TAB": "America/Mexico_City", "TAM": "America/Monterrey",
    "TLA": "America/Mexico_City", "VER": "America/Mexico_City", "YUC": "America/Merida",
    "ZAC": "America/Mexico_City",
}
BR = {
    "AC": "America/Rio_Branco", "AL": "America/Maceio", "AP": "America/Belem", "AM": "America/Manaus",
    "BA": "America/Bahia", "CE": "America/Fortaleza", "DF": "America/Sao_Paulo", "ES": "America/Sao_Paulo",
    "GO": "America/Sao_Paulo", "MA": "America/Fortaleza", "MT": "America/Cuiaba", "MS": "America/Campo_Grande",
    "MG": "America/Sao_Paulo", "PA": "America/Belem", "PB": "America/Fortaleza", "PR": "America/Sao_Paulo",
    "PE": "America/Recife", "PI": "America/Fortaleza", "RJ": "America/Sao_Paulo", "RN": "America/Fortaleza",
    "RS": "America/Sao_Paulo", "RO": "America/Porto_Velho", "RR": "America/Boa_Vista",
    "SC": "America/Sao_Paulo", "SP": "America/Sao_Paulo", "SE": "America/Maceio", "TO": "America/Araguaina",
}
AU = {
    "ACT": "Australia/Sydney", "NSW": "Australia/Sydney", "NT": "Australia/Darwin", "QLD": "Australia/Brisbane",
    "SA": "Australia/Adelaide", "TAS": "Australia/Hobart", "VIC": "Australia/Melbourne", "WA": "Australia/Perth",
}
# Spain: every subdivision; the Canaries (community and both provinces) and Ceuta/Melilla differ.
ES_SPECIAL = {"CN": "Atlantic/Canary", "GC": "Atlantic/Canary", "TF": "Atlantic/Canary",
              "CE": "Africa/Ceuta", "ML": "Africa/Ceuta"}
ES_DEFAULT = "Europe/Madrid"
# Portugal: the Azores and Madeira differ from the mainland districts.
PT_SPECIAL = {"20": "Atlantic/Azores", "30": "Atlantic/Madeira"}
PT_DEFAULT = "Europe/Lisbon"

STATE_ZONES = {"US": US, "CA": CA, "MX": MX, "BR": BR, "AU": AU}
STATE_ZONES_WITH_DEFAULT = {"ES": (ES_SPECIAL, ES_DEFAULT), "PT": (PT_SPECIAL, PT_DEFAULT)}

# --- Odoo lead-mining lists (crm_iap_mine, Odoo 14.0-19.0, LGPL-3) -------------------------------

# addons/crm_iap_mine/data/crm.iap.lead.industry.csv: (our code, Odoo name, Spanish name)
INDUSTRIES = [
    ("automobiles_components", "Automobiles & Components", "Automóviles y componentes"),
    ("banks_insurance", "Banks & Insurance", "Bancos y seguros"),
    ("capital_goods", "Capital Goods", "Bienes de equipo"),
    ("commercial_professional_services", "Commercial & Professional Services", "Servicios comerciales y profesionales"),
    ("construction_materials", "Construction Materials", "Materiales de construcción"),
    ("consumer_discretionary", "Consumer Discretionary", "Consumo discrecional"),
    ("consumer_durables_apparel", "Consumer Durables & Apparel", "Bienes de consumo duradero y confección"),
    ("consumer_services", "Consumer Services", "Servicios al consumidor"),
    ("consumer_staples", "Consumer Staples", "Consumo básico"),
    ("diversified_financials", "Diversified Financials & Financial Services", "Servicios financieros diversificados"),
    ("energy_utilities", "Energy & Utilities", "Energía y suministros"),
    ("food_beverage_tobacco", "Food, Beverage & Tobacco", "Alimentación, bebidas y tabaco"),
    ("health_care_equipment_services", "Health Care Equipment & Services", "Equipos y servicios sanitarios"),
    ("independent_power_renewables", "Independent Power and Renewable Electricity Producers",
     "Productores independientes de energía y renovables"),
    ("materials", "Materials", "Materiales"),
    ("media", "Media", "Medios de comunicación"),
    ("pharma_biotech_life_sciences", "Pharmaceuticals, Biotechnology & Life Sciences",
     "Farmacéutica, biotecnología y ciencias de la vida"),
    ("real_estate", "Real Estate", "Inmobiliario"),
    ("retailing", "Retailing", "Comercio minorista"),
    ("software_services", "Software & Services", "Software y servicios"),
    ("technology_hardware_equipment", "Technology Hardware & Equipment", "Hardware y equipos tecnológicos"),
    ("telecommunication_services", "Telecommunication Services", "Servicios de telecomunicaciones"),
    ("transportation", "Transportation", "Transporte"),
]

# addons/crm_iap_mine/data/crm.iap.lead.role.csv (reveal_id, lower-cased): (code, English, Spanish)
ROLES = [
    ("ceo", "CEO", "Director general (CEO)"),
    ("communications", "Communications", "Comunicación"),
    ("consulting", "Consulting", "Consultoría"),
    ("customer_service", "Customer Service", "Atención al cliente"),
    ("education", "Education", "Educación"),
    ("engineering", "Engineering", "Ingeniería"),
    ("finance", "Finance", "Finanzas"),
    ("founder", "Founder", "Fundador"),
    ("health_professional", "Health Professional", "Profesional sanitario"),
    ("human_resources", "Human Resources", "Recursos humanos"),
    ("information_technology", "Information Technology", "Tecnologías de la información"),
    ("legal", "Legal", "Jurídico"),
    ("marketing", "Marketing", "Marketing"),
    ("operations", "Operations", "Operaciones"),
    ("owner", "Owner", "Propietario"),
    ("president", "President", "Presidente"),
    ("product", "Product", "Producto"),
    ("public_relations", "Public Relations", "Relaciones públicas"),
    ("real_estate", "Real Estate", "Inmobiliario"),
    ("recruiting", "Recruiting", "Selección de personal"),
    ("research", "Research", "Investigación"),
    ("sale", "Sales", "Ventas"),
]

# addons/crm_iap_mine/data/crm.iap.lead.seniority.csv
SENIORITIES = [
    ("director", "Director", "Director"),
    ("executive", "Executive", "Ejecutivo"),
    ("manager", "Manager", "Responsable"),
]

# --- web technologies (hand-curated: real products, one category each) ----------------------------

TECHNOLOGIES = {
    "CMS": ["WordPress", "Drupal", "Joomla", "Wix", "Squarespace", "Webflow", "Adobe Experience Manager",
            "Sitecore", "Contentful", "Ghost", "TYPO3", "Craft CMS", "HubSpot CMS", "Strapi", "Umbraco",
            "Duda", "Google Sites", "Weebly", "Jimdo", "Sanity"],
    "E-commerce": ["Shopify", "WooCommerce", "Magento", "PrestaShop", "BigCommerce", "OpenCart",
                   "Salesforce Commerce Cloud", "Squarespace Commerce", "Shopware", "Ecwid", "VTEX",
                   "Tiendanube", "Wix Stores", "SAP Commerce Cloud"],
    "Analytics": ["Google Analytics", "Adobe Analytics", "Matomo", "Hotjar", "Microsoft Clarity", "Mixpanel",
                  "Amplitude", "Heap", "Yandex Metrica", "Plausible", "Segment", "FullStory", "Crazy Egg",
                  "Piwik PRO"],
    "Tag manager": ["Google Tag Manager", "Tealium", "Adobe Experience Platform Launch"],
    "CRM": ["Salesforce", "HubSpot", "Zoho CRM", "Microsoft Dynamics 365", "Pipedrive", "Odoo", "Freshsales",
            "SugarCRM", "Insightly"],
    "Marketing automation": ["Marketo", "Pardot", "ActiveCampaign", "Klaviyo", "Mailchimp", "Brevo", "Eloqua",
                             "Act-On", "Omnisend", "Customer.io", "Braze", "GetResponse", "Constant Contact"],
    "Advertising": ["Google Ads", "Facebook Pixel", "LinkedIn Insight Tag", "TikTok Pixel",
                    "Microsoft Advertising", "Twitter Ads", "Pinterest Tag", "Criteo", "Taboola", "Outbrain",
                    "Google AdSense", "Snap Pixel"],
    "A/B testing": ["Optimizely", "VWO", "AB Tasty", "Google Optimize", "Kameleoon", "Convert"],
    "Live chat": ["Intercom", "Drift", "LiveChat", "Tawk.to", "Tidio", "Olark", "Crisp", "WhatsApp Business",
                  "Zendesk Chat", "Freshchat"],
    "Customer support": ["Zendesk", "Freshdesk", "Help Scout", "Gorgias", "Kustomer", "ServiceNow"],
    "Payments": ["Stripe", "PayPal", "Adyen", "Braintree", "Square", "Klarna", "Mercado Pago", "Authorize.Net",
                 "Mollie", "Afterpay", "Amazon Pay", "Apple Pay", "Redsys"],
    "Hosting": ["Amazon Web Services", "Google Cloud", "Microsoft Azure", "DigitalOcean", "OVHcloud",
                "Hetzner", "GoDaddy", "Hostinger", "SiteGround", "WP Engine", "Kinsta", "Bluehost", "Netlify",
                "Vercel", "Heroku", "IONOS", "Linode", "Rackspace"],
    "CDN": ["Cloudflare", "Akamai", "Fastly", "Amazon CloudFront", "jsDelivr", "BunnyCDN", "StackPath",
            "Azure CDN", "cdnjs", "Imperva"],
    "Web server": ["Nginx", "Apache HTTP Server", "LiteSpeed", "Microsoft IIS", "OpenResty", "Caddy",
                   "Apache Tomcat", "Envoy"],
    "Programming language": ["PHP", "ASP.NET", "Node.js", "Java", "Python", "Ruby", "Go"],
    "Web framework": ["Laravel", "Django", "Ruby on Rails", "Express", "Spring", "Symfony", "Flask",
                      "ASP.NET Core"],
    "JavaScript framework": ["React", "Vue.js", "Angular", "Next.js", "Nuxt.js", "Svelte", "Gatsby", "Ember.js",
                             "Alpine.js", "Backbone.js", "Preact", "Astro"],
    "JavaScript library": ["jQuery", "Lodash", "core-js", "GSAP", "Swiper", "Moment.js", "Underscore.js",
                           "Modernizr", "Slick", "Lightbox", "Three.js", "D3.js"],
    "UI framework": ["Bootstrap", "Tailwind CSS", "Foundation", "Bulma", "Material UI", "Elementor", "Divi"],
    "Font script": ["Google Fonts", "Font Awesome", "Adobe Fonts"],
    "Email": ["Google Workspace", "Microsoft 365", "Zoho Mail", "SendGrid", "Mailgun", "Amazon SES",
              "Postmark", "Proton Mail"],
    "Video": ["YouTube", "Vimeo", "Wistia", "Vidyard", "JW Player"],
    "Maps": ["Google Maps", "Mapbox", "OpenStreetMap", "Leaflet"],
    "Security": ["reCAPTCHA", "hCaptcha", "Cloudflare Turnstile", "Sucuri", "Wordfence", "Let's Encrypt"],
    "Cookie consent": ["OneTrust", "Cookiebot", "CookieYes", "Didomi", "Usercentrics", "Osano"],
    "SEO": ["Yoast SEO", "Rank Math", "All in One SEO"],
    "Forms": ["Contact Form 7", "Gravity Forms", "Typeform", "Jotform", "WPForms", "Formstack"],
    "Scheduling": ["Calendly", "Acuity Scheduling", "Chili Piper"],
    "Reviews": ["Trustpilot", "Yotpo", "Judge.me", "Bazaarvoice", "Feefo"],
    "Search": ["Algolia", "Elasticsearch", "Doofinder", "Klevu"],
    "Personalisation": ["Dynamic Yield", "Adobe Target", "Bloomreach"],
    "Accessibility": ["UserWay", "accessiBe", "AudioEye"],
    "Affiliate": ["Impact", "Awin", "CJ Affiliate", "ShareASale"],
}

# -------------------------------------------------------------------------------------------------


def slug(text):
    s = text.lower().replace("&", " and ").replace("+", " plus ").replace(".", " ")
    s = re.sub(r"[^a-z0-9]+", "_", s).strip("_")
    return s


def write(name, header, rows):
    path = os.path.join(OUT, name)
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)
    print(f"{name}: {len(rows)} rows", file=sys.stderr)


def translations(domain):
    with open(os.path.join(MO, domain + ".mo"), "rb") as f:
        return gettext.GNUTranslations(f)


def main():
    os.makedirs(OUT, exist_ok=True)

    # countries
    es1 = translations("iso_3166-1")
    countries = json.load(open(os.path.join(ISO, "iso_3166-1.json"), encoding="utf-8"))["3166-1"]
    country_rows = []
    for c in sorted(countries, key=lambda c: c["alpha_2"]):
        code = c["alpha_2"]
        en = c.get("common_name", c["name"])
        # the short common name where iso-codes has one (Bolivia, not "Bolivia, Plurinational State of")
        if code in COUNTRY_ES_OVERRIDES:
            es = COUNTRY_ES_OVERRIDES[code]
        elif "common_name" in c:
            es = es1._catalog.get(c["common_name"]) or COMMON_NAME_ES[code]
        else:
            es = es1.gettext(c["name"])
        country_rows.append((code, en, es))
    codes = {r[0] for r in country_rows}
    assert len(country_rows) == 249, len(country_rows)
    write("country.csv", ["code", "name_en", "name_es"], country_rows)

    # subdivisions
    es2 = translations("iso_3166-2")
    states = json.load(open(os.path.join(ISO, "iso_3166-2.json"), encoding="utf-8"))["3166-2"]
    state_rows = []
    state_codes = set()
    for s in sorted(states, key=lambda s: s["code"]):
        code = s["code"]
        country = code.split("-")[0]
        assert country in codes, code
        raw = s["name"]
        name = STATE_ES_OVERRIDES[code] if raw.endswith("*") else raw
        name_es = STATE_ES_OVERRIDES[code] if raw.endswith("*") else es2.gettext(raw)
        assert "*" not in name + name_es, code
        parent = s.get("parent", "")
        if parent and "-" not in parent:
            parent = country + "-" + parent
        state_rows.append((code, country, name, name_es, s["type"], parent))
        state_codes.add(code)
    for row in state_rows:
        assert not row[5] or row[5] in state_codes, row
    # parents before children (the table's self reference), then by code
    parent_of = {r[0]: r[5] for r in state_rows}

    def depth(code):
        return 0 if not parent_of[code] else 1 + depth(parent_of[code])
    state_rows.sort(key=lambda r: (depth(r[0]), r[0]))
    write("country_state.csv", ["code", "country_code", "name", "name_es", "type", "parent_code"], state_rows)

    # time zones per country (zone.tab), then per subdivision where a country spans several zones
    zones = {}
    with open(ZONE_TAB, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            country, _, zone = line.rstrip("\n").split("\t")[:3]
            zones.setdefault(country, set()).add(zone)
    for country, fallback in COUNTRY_ZONE_FALLBACK.items():
        zones.setdefault(country, set()).update(fallback)
    assert codes <= set(zones), sorted(codes - set(zones))
    tz_rows = []
    for country in sorted(codes):
        for zone in sorted(zones[country]):
            tz_rows.append((country, "", zone))
    by_country = {}
    for row in state_rows:
        by_country.setdefault(row[1], []).append(row[0])
    state_tz = []
    for country, mapping in STATE_ZONES.items():
        for suffix, zone in mapping.items():
            code = country + "-" + suffix
            assert code in state_codes, code
            state_tz.append((country, code, zone))
        missing = [c for c in by_country[country]
                   if c.split("-", 1)[1] not in mapping and c not in ("US-UM",)]
        assert not missing, (country, missing)
    for country, (special, default) in STATE_ZONES_WITH_DEFAULT.items():
        for code in by_country[country]:
            state_tz.append((country, code, special.get(code.split("-", 1)[1], default)))
    for country, code, zone in state_tz:
        assert zone in zones[country] or any(zone in z for z in zones.values()), (code, zone)
    tz_rows.extend(sorted(state_tz))
    write("time_zone.csv", ["country_code", "state_code", "zone_id"], tz_rows)

    # Odoo's lists
    assert len(INDUSTRIES) == 23 and len({i[0] for i in INDUSTRIES}) == 23
    assert len(ROLES) == 22 and len({r[0] for r in ROLES}) == 22
    assert len(SENIORITIES) == 3
    for code, *_ in INDUSTRIES + ROLES + SENIORITIES:
        assert len(code) <= 40, code
    write("industry.csv", ["code", "name_en", "name_es"], INDUSTRIES)
    write("contact_role.csv", ["code", "name_en", "name_es"], ROLES)
    write("seniority.csv", ["code", "name_en", "name_es"], SENIORITIES)

    # technologies
    tech_rows = []
    seen = set()
    for category, names in TECHNOLOGIES.items():
        for name in names:
            code = slug(name)
            assert code not in seen and len(code) <= 64, name
            seen.add(code)
            tech_rows.append((code, name, category))
    tech_rows.sort()
    assert len(tech_rows) >= 150, len(tech_rows)
    write("technology.csv", ["code", "name", "category"], tech_rows)


if __name__ == "__main__":
    main()
