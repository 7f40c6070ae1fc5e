package org.isrcregistry.api.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.LoadState;
import com.microsoft.playwright.options.RequestOptions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;
import java.util.regex.Pattern;
import org.isrcregistry.api.AgencyToken;
import org.isrcregistry.api.RegistryIntegrationTest;
import org.isrcregistry.api.WithNewPrefix;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The console in a real browser (Debian's Chromium, driven by Playwright) against the whole registry: signing in as
 * each role, the registrant's tasks, refusals beside their fields, an import, least privilege, CSRF and sign-out.
 * With {@code -Dconsole.screenshots=<dir>} it also saves the main pages as PNG files (docs/console/).
 */
@RegistryIntegrationTest
class ConsoleBrowserTest extends WithNewPrefix {

    private static final Page.GetByLabelOptions EXACT = new Page.GetByLabelOptions().setExact(true);

    private static Playwright playwright;
    private static Browser browser;

    @LocalServerPort
    int port;

    BrowserContext context;
    Page page;

    @BeforeAll
    static void launchBrowser() {
        Path chromium = Paths.get(System.getProperty("console.chromium", "/usr/bin/chromium"));
        if (!Files.isExecutable(chromium)) {
            throw new IllegalStateException(chromium + " is missing: install Debian's Chromium (apt-get install -y"
                    + " chromium), or set -Dconsole.chromium to a Chromium executable");
        }
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(chromium));
        // As the pages' own timeout: on a loaded machine a check as you type can take more than the default 5 s.
        PlaywrightAssertions.setDefaultAssertionTimeout(10_000);
    }

    @AfterAll
    static void closeBrowser() {
        if (playwright != null) {
            playwright.close();
        }
    }

    @BeforeEach
    void openPage() {
        context = browser.newContext(new Browser.NewContextOptions().setLocale("en-GB")
                .setViewportSize(1200, 900));
        context.setDefaultTimeout(10_000);
        page = context.newPage();
    }

    @AfterEach
    void closePage() {
        context.close();
    }

    @Test
    void theAgencySignsInSeesItsDashboardRegistersAPrefixAndSignsOut() {
        signIn(AgencyToken.SECRET);
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Dashboard"))).isVisible();
        assertThat(page.locator("dl.figures")).containsText("Prefixes registered");
        assertThat(page.locator("dl.figures")).containsText("Feed backlog");
        assertThat(page.locator("dl.figures")).containsText("Open conflicts");
        assertThat(page.locator("dl.figures")).containsText("latest checkpoint");
        screenshot("dashboard");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Register a prefix").setExact(true)).first().click();
        page.getByLabel("Country code").fill("DE");
        page.getByLabel("Registrant's name").fill("Label Nordet");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Register a prefix")).click();
        assertThat(page.locator(".notice")).containsText("the prefix is registered");
        String registered = page.locator("h1").innerText();
        assertThat(registered).contains("DE-");

        page.getByLabel("Reason for the suspension").fill("Unpaid fees");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Suspend the prefix")).click();
        assertThat(page.locator("h1")).containsText("Suspended");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Reinstate the prefix")).click();
        assertThat(page.locator("h1")).containsText("Active");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out")).click();
        assertThat(page.locator("[role=status]")).containsText("You are signed out");
        page.navigate(url("/console"));
        assertThat(page).hasURL(Pattern.compile(".*/console/sign-in$"));
    }

    @Test
    void aWrongTokenIsRefusedAndNeverPutInThePageOrTheAddress() {
        page.navigate(url("/console/sign-in"));
        screenshot("sign-in");
        page.getByLabel("API token").fill("isrc_not-a-token-the-registry-issued");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        assertThat(page.locator("[role=alert]")).containsText("unknown, revoked or expired");
        assertThat(page.content()).doesNotContain("isrc_not-a-token");
        assertThat(page.url()).doesNotContain("isrc_");
    }

    @Test
    void aRegistrantAssignsACodeCheckedAsItTypesAndFindsItInSearchAndHistory() {
        signIn(token("REGISTRANT", prefix));
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Assign a code")).first().click();
        // htmx (a deferred script) binds the checks as the page loads: typing before it would go unchecked.
        page.waitForLoadState(LoadState.LOAD);

        Locator duration = page.getByLabel("Duration");
        duration.fill("3 minutes");
        assertThat(page.locator("#assign-duration-msg")).containsText("is not a duration");
        duration.fill("PT3M18S");
        assertThat(page.locator("#assign-duration-msg")).containsText("Valid: PT3M18S");
        page.getByLabel("Title", new Page.GetByLabelOptions().setExact(true)).fill("Les saisons de la console");
        page.getByLabel("Main artist").fill("Ariane Tremblay");
        page.getByLabel("Owner of the master").fill("Disques Nordet");
        screenshot("assign");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Assign the code")).click();

        assertThat(page.locator(".notice")).containsText("the code is assigned");
        String isrc = page.locator("h1 .code").innerText();
        assertThat(isrc).startsWith(prefix + "-");
        assertThat(page.locator("ol.timeline")).containsText("Code assigned");
        assertThat(page.locator("ol.timeline")).containsText("token:");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Recordings").setExact(true)).click();
        page.getByLabel("Title").fill("saisons de la console");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Search").setExact(true)).click();
        assertThat(page.locator("table.results")).containsText(isrc);
        screenshot("search");

        // The same recording typed again: the duplicate warning shows before submitting.
        page.navigate(url("/console/prefixes/" + prefix + "/recordings/new"));
        page.getByLabel("Title", new Page.GetByLabelOptions().setExact(true)).fill("Les saisons de la console");
        page.getByLabel("Main artist").fill("Ariane Tremblay");
        page.getByLabel("Duration").fill("PT3M19S");
        page.getByLabel("Owner of the master").fill("Disques Nordet");
        assertThat(page.locator("#duplicates")).containsText(isrc);

        page.navigate(url("/console/recordings/" + isrc.replace("-", "")));
        page.getByText("Transfer ownership").first().click();
        page.getByLabel("New owner").fill("Label Nordet");
        page.locator("#transfer-effectiveDate").fill("2026-06-01");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Transfer ownership")).click();
        assertThat(page.locator(".notice")).containsText("the ISRC stays the same");
        assertThat(page.locator("ol.timeline")).containsText("Ownership transferred");
        assertThat(page.locator("ol.timeline")).containsText("Label Nordet");

        page.getByText("Declare a new version").click();
        page.getByLabel("Remix").check();
        page.locator("#version-versionTitle").fill("Club remix");
        page.locator("#version-duration").fill("PT5M2S");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Declare the new version")).click();
        assertThat(page.locator(".notice")).containsText("new version");
        assertThat(page.locator("ul.lineage-list")).containsText("Parent: " + isrc);
        screenshot("recording");

        page.navigate(url("/console/prefixes/" + prefix));
        assertThat(page.locator("figure.usage table")).containsText("2");
        screenshot("prefix");
    }

    @Test
    void theAgencyRegistersARegistrantAllocatesItAPrefixAndTransfersThePrefix() {
        String buyer = registry.send(HttpMethod.GET, "/v1/prefixes/" + prefix, null, null).getBody()
                .path("registrant").path("id").asText();
        signIn(AgencyToken.SECRET);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Registrants").setExact(true)).click();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Register a registrant")).click();
        page.getByLabel("Producer").check();
        page.getByLabel("Legal name").fill("Disques Console inc.");
        page.getByLabel("Trading names").fill("Console Records\nDisques C");
        page.getByLabel("Country", new Page.GetByLabelOptions().setExact(true)).fill("DE");
        page.getByLabel("E-mail").fill("not an address");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Register a registrant")).click();
        assertThat(page.getByLabel("E-mail")).hasAttribute("aria-invalid", "true");
        assertThat(page.locator("#register-email-msg")).containsText("Error:");
        assertThat(page.getByLabel("Legal name")).hasValue("Disques Console inc.");

        page.getByLabel("E-mail").fill("isrc@console.example");
        page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill("ISRC desk");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Register a registrant")).click();
        assertThat(page.locator(".notice")).containsText("the registrant is registered");
        assertThat(page.locator("h1")).containsText("Disques Console inc.");
        assertThat(page.locator("#contacts + p + dl, section[aria-labelledby=contacts]")).containsText("isrc@console.example");
        assertThat(page.locator("dl.facts").first()).containsText("Console Records");
        assertThat(page.locator("ol.timeline")).containsText("Registrant registered");

        page.locator("#allocate-countryCode").fill("DE");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Allocate a prefix")).click();
        assertThat(page.locator(".notice")).containsText("allocated");
        String allocated = page.locator("h1 span").nth(1).innerText();
        assertThat(page.locator("dl.facts")).containsText("Disques Console inc.");

        page.getByLabel("New holder's registrant id").fill(buyer);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Transfer the prefix")).click();
        assertThat(page.locator("#transfer-reason-msg")).containsText("Error:");
        assertThat(page.getByLabel("New holder's registrant id")).hasValue(buyer);
        page.getByLabel("Reason for the transfer").fill("Catalogue sold, deed 2026-117");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Transfer the prefix")).click();
        assertThat(page.locator(".notice")).containsText("the prefix is transferred");
        assertThat(page.locator("dl.facts")).containsText("Test " + prefix);

        page.navigate(url("/console/registrants/" + buyer));
        assertThat(page.locator("table.holdings")).containsText(allocated);
        assertThat(page.locator("ol.timeline")).containsText("Prefix transferred");
        assertThat(page.locator("ol.timeline")).containsText("Catalogue sold");
        screenshot("registrant");
        page.navigate(url("/console/registrants?name=Disques+Console"));
        assertThat(page.locator("table")).containsText("Disques Console inc.");
        screenshot("registrants");
        page.keyboard().press("Tab"); // the skip link first, its focus drawn
        assertThat(page.locator("a.skip")).isFocused();
        assertThat(page.locator("a.skip")).hasCSS("outline-style", "solid");
    }

    @Test
    void aReportRefusesAnInvertedPeriodBesideItsFieldThenShowsItsRowsAndItsCsv() {
        String isrc = registry.assign(prefix, "Reported song");
        signIn(AgencyToken.SECRET);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Reports and audits").setExact(true)).first()
                .click();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Registrant audit")).click();
        String today = java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();
        String yesterday = java.time.LocalDate.now(java.time.ZoneOffset.UTC).minusDays(1).toString();
        page.getByLabel("Prefix", EXACT).fill(prefix);
        page.getByLabel("From", EXACT).fill(today);
        page.getByLabel("To", EXACT).fill(java.time.LocalDate.now(java.time.ZoneOffset.UTC).minusDays(2).toString());
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show the report")).click();
        assertThat(page.getByLabel("To", EXACT)).hasAttribute("aria-invalid", "true");
        assertThat(page.locator("#report-to-msg")).containsText("before it starts");
        assertThat(page.getByLabel("Prefix", EXACT)).hasValue(prefix);

        page.getByLabel("From", EXACT).fill(yesterday);
        page.getByLabel("To", EXACT).fill(today);
        page.getByLabel("Prefix", EXACT).press("Enter"); // sent from the keyboard
        assertThat(page.locator("table.report")).containsText(isrc);
        assertThat(page.locator("table.report")).containsText("IsrcAssigned");
        screenshot("report");

        Download download = page.waitForDownload(() -> page.getByText("Download the whole report (CSV)").click());
        String csv = new String(readAll(download), StandardCharsets.UTF_8);
        assertThat(csv.lines().findFirst().orElseThrow()).contains("occurred_at");
        assertThat(csv).contains(isrc).contains("IsrcAssigned");
    }

    @Test
    void aRegistrantResolvesAConflictAsADuplicateChoosingTheSurvivor() {
        String title = "Twin " + java.util.UUID.randomUUID().toString().substring(0, 8);
        String first = registry.assign(prefix, title);
        String second = registry.assign(prefix, title);
        signIn(token("REGISTRANT", prefix));
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Conflicts").setExact(true)).click();
        Locator conflict = page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(Pattern.compile(first)));
        for (int tries = 0; conflict.count() == 0 && tries < 20; tries++) { // the opener runs after the assignment
            page.waitForTimeout(500);
            page.reload();
        }
        conflict.click();
        assertThat(page.locator(".pair")).containsText(title);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Resolve the conflict")).click();
        assertThat(page.locator("#resolve-reason-msg")).containsText("Error:");

        page.getByLabel("Duplicate", new Page.GetByLabelOptions().setExact(true)).check();
        page.getByLabel(Pattern.compile("^Keep " + display(first))).check();
        page.getByLabel("Reason").fill("The same master, registered twice");
        screenshot("conflict");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Resolve the conflict")).click();
        assertThat(page.locator(".notice")).containsText("the conflict is resolved");
        assertThat(page.locator("h1")).containsText("Resolved");
        assertThat(page.locator("dl.facts").first()).containsText("Duplicate");
        page.navigate(url("/console/recordings/" + second));
        assertThat(page.locator("dl.facts")).containsText("Withdrawn");
        assertThat(page.locator("dl.facts")).containsText(display(first));
    }

    @Test
    void aRefusalIsShownBesideTheFieldAtFaultAndNothingIsAssigned() {
        signIn(token("REGISTRANT", prefix));
        int before = registry.eventsOf(prefix);
        page.navigate(url("/console/prefixes/" + prefix + "/recordings/new"));
        page.getByLabel("Title", new Page.GetByLabelOptions().setExact(true)).fill("A sound recording");
        page.getByLabel("Main artist").fill("Ariane Tremblay");
        page.getByLabel("Duration").fill("PT3M");
        page.getByLabel("Owner of the master").fill("Disques Nordet");
        page.getByLabel("ISRC of the audio").fill("CA-K7Q-26-00001");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Assign the code")).click();

        Locator audio = page.getByLabel("ISRC of the audio");
        assertThat(audio).hasAttribute("aria-invalid", "true");
        assertThat(page.locator("#assign-audioIsrc-msg")).containsText("Error:");
        assertThat(page.locator("#assign-audioIsrc-msg")).containsText("only a music video points at an audio recording");
        assertThat(page.getByLabel("Title", new Page.GetByLabelOptions().setExact(true))).hasValue("A sound recording");
        screenshot("refusal");
        assertThat(registry.eventsOf(prefix)).isEqualTo(before);
    }

    @Test
    void aCsvImportShowsItsFirstRowsCheckedThenItsProgressAndAResultPerRow() {
        signIn(token("REGISTRANT", prefix));
        String code = prefix.replace("-", "");
        String csv = """
                isrc,title,mainArtist,duration,kind,owner
                %s1900001,Premier,Ariane Tremblay,PT3M,AUDIO,Disques Nordet
                %s1900002,Second,Ariane Tremblay,PT4M,AUDIO,Disques Nordet
                %s1900003,Sans durée,Ariane Tremblay,,AUDIO,Disques Nordet
                """.formatted(code, code, code);
        page.navigate(url("/console/prefixes/" + prefix + "/imports/new"));
        page.getByLabel("CSV file").setInputFiles(new FilePayload("catalogue.csv", "text/csv",
                csv.getBytes(StandardCharsets.UTF_8)));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Check the first rows")).click();
        Locator preview = page.locator("table");
        assertThat(preview).containsText("Readable");
        assertThat(preview).containsText("duration");
        screenshot("import-preview");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start the import")).click();
        assertThat(page.locator("#progress [role=status]")).containsText("Completed");
        assertThat(page.locator("#progress progress")).hasAttribute("value", "3");
        assertThat(page.locator("#progress .registered")).hasText("2");
        assertThat(page.locator("#progress .refused")).hasText("1");
        screenshot("import");

        Download download = page.waitForDownload(() -> page.getByText("Download the result of every row").click());
        String results = new String(readAll(download), StandardCharsets.UTF_8);
        assertThat(results).startsWith("row,isrc,outcome");
        assertThat(results).contains(code + "1900001,REGISTERED").contains(code + "1900003,REFUSED");
    }

    @Test
    void aRegistrantSeesNeitherAnotherRegistrantsPrefixNorItsRecordings() {
        String other = registry.newPrefix();
        String othersIsrc = registry.assign(other, "Someone else's song");
        signIn(token("REGISTRANT", prefix));

        assertThat(page.locator("main")).containsText(prefix);
        assertThat(page.locator("main")).not().containsText(other);
        page.navigate(url("/console/prefixes/" + other));
        assertThat(page.locator("h1")).hasText("Not allowed");
        assertThat(page.locator("main")).not().containsText("Test " + other);
        page.navigate(url("/console/recordings/" + othersIsrc));
        assertThat(page.locator("#history")).hasCount(0);
        assertThat(page.locator(".changes-forms")).hasCount(0);
        APIResponse csv = page.request().get(url("/console/prefixes/" + other + "/recordings.csv"));
        assertThat(csv.status()).isEqualTo(403);

        String othersRegistrant = registry.send(HttpMethod.GET, "/v1/prefixes/" + other, null, null).getBody()
                .path("registrant").path("id").asText();
        page.navigate(url("/console/registrants/" + othersRegistrant));
        assertThat(page.locator("h1")).hasText("Not allowed");
        assertThat(page.locator("main")).not().containsText("Test " + other);
        assertThat(page.request().get(url("/console/registrants")).status()).isEqualTo(403);
        page.navigate(url("/console/reports/audit?run=1&prefix=" + other));
        assertThat(page.locator("h1")).hasText("Not allowed");
        page.navigate(url("/console/reports/withdrawals?run=1"));
        assertThat(page.locator("#answer")).isVisible();
        assertThat(page.locator("main")).not().containsText(other.replace("-", ""));

        // A registrant's own token reads its own file, without the contacts (personal data kept for the agency).
        String own = registry.send(HttpMethod.GET, "/v1/prefixes/" + prefix, null, null).getBody()
                .path("registrant").path("id").asText();
        ResponseEntity<JsonNode> issued = registry.send(HttpMethod.POST, "/v1/admin/tokens",
                "{\"name\": \"Own file\", \"role\": \"REGISTRANT\", \"registrantId\": \"" + own + "\"}", null);
        context.clearCookies();
        signIn(issued.getBody().path("token").asText());
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("My registrant file")).click();
        assertThat(page.locator("h1")).containsText("Test " + prefix);
        assertThat(page.locator("table.holdings")).containsText(prefix);
        assertThat(page.locator("#contacts")).hasCount(0);
        assertThat(page.locator(".changes-forms")).hasCount(0);
    }

    @Test
    void aFormSentWithoutItsCsrfTokenIsRefusedAndChangesNothing() {
        signIn(AgencyToken.SECRET);
        page.navigate(url("/console/prefixes/" + prefix));
        APIResponse forged = page.request().post(url("/console/prefixes/" + prefix + "/suspension"),
                RequestOptions.create().setForm(FormData.create().set("reason", "forged")).setMaxRedirects(0));
        assertThat(forged.status()).isEqualTo(403);
        ResponseEntity<JsonNode> state = registry.send(HttpMethod.GET, "/v1/prefixes/" + prefix, null, null);
        assertThat(state.getBody().path("status").asText()).isEqualTo("ACTIVE");
    }

    @Test
    void anAuditorReadsEverythingAndIsOfferedNoChange() {
        String isrc = registry.assign(prefix, "Audited song");
        signIn(token("AUDITOR", null));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Dashboard"))).isVisible();
        page.navigate(url("/console/recordings/" + isrc));
        assertThat(page.locator("ol.timeline")).containsText("Code assigned");
        assertThat(page.locator(".changes-forms")).hasCount(0);
        page.navigate(url("/console/tokens"));
        assertThat(page.locator("table")).containsText("bootstrap");
        assertThat(page.locator("#issue")).hasCount(0);
        screenshot("tokens");
        String holder = registry.send(HttpMethod.GET, "/v1/prefixes/" + prefix, null, null).getBody()
                .path("registrant").path("id").asText();
        page.navigate(url("/console/registrants/" + holder));
        assertThat(page.locator("#contacts")).isVisible();
        assertThat(page.locator("#allocate")).hasCount(0);
        assertThat(page.locator(".changes-forms")).hasCount(0);
        page.navigate(url("/console/prefixes/" + prefix));
        assertThat(page.locator("#transfer")).hasCount(0);
    }

    @Test
    void theConsoleSpeaksTheBrowsersLanguageAndSwitchesOnRequest() {
        BrowserContext french = browser.newContext(new Browser.NewContextOptions().setLocale("fr-CA"));
        try {
            Page fr = french.newPage();
            fr.navigate(url("/console/sign-in"));
            assertThat(fr.locator("h1")).hasText("Connexion");
            assertThat(fr.locator("html")).hasAttribute("lang", "fr");
            screenshot(fr, "sign-in-fr");
            fr.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("English")).click();
            assertThat(fr.locator("h1")).hasText("Sign in");
        } finally {
            french.close();
        }
    }

    @Test
    void anybodyLooksACodeUpWithoutSigningIn() {
        String isrc = registry.assign(prefix, "Public song");
        page.navigate(url("/console/lookup"));
        page.getByLabel("ISRC").fill("isrc " + isrc.toLowerCase());
        assertThat(page.locator("#lookup-isrc-msg")).containsText("Valid:");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Look up")).click();
        assertThat(page.locator("#found")).containsText(isrc.substring(0, 2));
        assertThat(page.locator("main")).containsText("Public song");
        assertThat(page.locator("main")).not().containsText("History");
        screenshot("lookup");
    }

    @Test
    void aRevokedTokensSessionEndsAtOnce() {
        ResponseEntity<JsonNode> issued = registry.send(HttpMethod.POST, "/v1/admin/tokens",
                "{\"name\": \"Soon revoked\", \"role\": \"REGISTRANT\", \"prefixes\": [\"" + prefix + "\"]}", null);
        signIn(issued.getBody().path("token").asText());
        assertThat(page.locator("main")).containsText(prefix);
        registry.send(HttpMethod.DELETE, "/v1/admin/tokens/" + issued.getBody().path("id").asText(), null, null);
        page.navigate(url("/console"));
        assertThat(page).hasURL(Pattern.compile(".*/console/sign-in\\?expired$"));
    }

    private void signIn(String token) {
        page.navigate(url("/console/sign-in"));
        page.getByLabel("API token").fill(token);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        assertThat(page).hasURL(Pattern.compile(".*/console$"));
    }

    /** A new token's secret, issued by the agency through the API. */
    private String token(String role, String prefix) {
        String prefixes = prefix == null ? "" : ", \"prefixes\": [\"" + prefix + "\"]";
        ResponseEntity<JsonNode> issued = registry.send(HttpMethod.POST, "/v1/admin/tokens",
                "{\"name\": \"Console " + role + "\", \"role\": \"" + role + "\"" + prefixes + "}", null);
        assertThat(issued.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return issued.getBody().path("token").asText();
    }

    /** CAK7Q2600001 as CA-K7Q-26-00001. */
    private static String display(String isrc) {
        return isrc.substring(0, 2) + "-" + isrc.substring(2, 5) + "-" + isrc.substring(5, 7) + "-" + isrc.substring(7);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private void screenshot(String name) {
        screenshot(page, name);
    }

    private static void screenshot(Page page, String name) {
        String directory = System.getProperty("console.screenshots");
        if (directory != null) {
            assertThat(page.locator("footer.site")).isVisible();
            page.screenshot(new Page.ScreenshotOptions().setPath(Paths.get(directory, name + ".png")).setFullPage(true));
        }
    }

    private static byte[] readAll(Download download) {
        try {
            return Files.readAllBytes(download.path());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
