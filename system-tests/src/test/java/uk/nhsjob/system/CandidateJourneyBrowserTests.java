package uk.nhsjob.system;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

import uk.nhsjob.common.match.MatchedVacancy;
import uk.nhsjob.common.vocabulary.Band;
import uk.nhsjob.common.vocabulary.WorkingPattern;
import uk.nhsjob.notifier.email.AlertMailer;
import uk.nhsjob.notifier.email.AlertSection;
import uk.nhsjob.notifier.email.Addressee;
import uk.nhsjob.testsupport.MailContent;
import uk.nhsjob.testsupport.Mailbox;
import uk.nhsjob.testsupport.RealInfrastructure;
import uk.nhsjob.testsupport.SlowTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A candidate's whole journey in a real browser, on the three services and real
 * infrastructure: the subscription page with its live preview, the confirmation email,
 * confirm, manage, unsubscribe and erase. Each page is checked with axe-core and saved as
 * a screenshot under {@code target/screenshots}.
 */
@SlowTest
@RealInfrastructure
class CandidateJourneyBrowserTests {

	private static final Pattern CONFIRM_LINK = Pattern
		.compile("https?://[^\\s\"<>]+/alerts/confirm\\?token=[A-Za-z0-9_.=-]+");

	private static final Pattern MANAGE_LINK = Pattern
		.compile("https?://[^\\s\"<>]+/alerts/manage\\?token=[A-Za-z0-9_.=-]+");

	private static final Pattern UNSUBSCRIBE_LINK = Pattern
		.compile("https?://[^\\s\"<>]+/alerts/unsubscribe\\?token=[A-Za-z0-9_.=-]+");

	private static RunningServices services;

	private static Browser browser;

	private final AccessibilityChecks accessibility = new AccessibilityChecks();

	private final RestClient http = RestClient.create();

	@BeforeAll
	static void startTheServicesAndTheBrowser() {
		browser = Browser.start();
		services = new RunningServices().start();
	}

	@AfterAll
	static void stopThem() {
		if (browser != null) {
			browser.close();
		}
		if (services != null) {
			services.close();
		}
	}

	@Test
	void aCandidateSubscribesConfirmsChangesAndLeavesInTheBrowser(Mailbox mailbox) throws Exception {
		String candidate = "browser-" + System.nanoTime() + "@example.org";
		publishBristolVacancies("bristol-" + System.nanoTime());

		// the subscription page, its preview narrowing as the candidate chooses
		browser.open(services.matcherUrl() + "/");
		assertThat(browser.heading()).isEqualTo("Set up a job alert");
		awaitPreviewCountAtLeast(7);
		browser.type(By.id("postcode"), "BS1");
		awaitPreviewCount("6");
		browser.find(By.cssSelector("label[for=anySecretaryRole]")).click();
		// the boxes are drawn by their labels: the inputs themselves are transparent
		assertThat(browser.driver().findElement(By.id("role-SENIOR_MEDICAL_SECRETARY")).isSelected()).isTrue();
		awaitPreviewCount("4");
		assertThat(browser.find(By.id("preview-jobs")).getText()).contains("Senior Medical Secretary - Oncology")
			.doesNotContain("Medical Receptionist");
		page("subscribe");
		browser.screenshot("subscribe-phone", Browser.PHONE_WIDTH);

		// no address: the same page, with the problem summarised and linked to its field
		browser.clickAndWaitForNextPage(By.id("create-alert"));
		assertThat(browser.find(By.cssSelector(".error-summary")).getText()).contains("There is a problem")
			.contains("Enter an email address");
		assertThat(browser.find(By.cssSelector(".error-summary a")).getAttribute("href")).endsWith("#email");
		assertThat(browser.driver().switchTo().activeElement().getAttribute("id")).isEqualTo("error-summary");
		assertThat(browser.find(By.id("postcode")).getAttribute("value")).isEqualTo("BS1");
		page("subscribe-errors");

		browser.type(By.id("email"), candidate);
		browser.clickAndWaitForNextPage(By.id("create-alert"));
		assertThat(browser.heading()).isEqualTo("Check your email");
		assertThat(browser.find(By.tagName("main")).getText()).contains(candidate).contains("Within 10 miles of BS1");
		page("check-your-email");

		// the confirmation email's link: a page with a button, then the confirmation
		MimeMessage confirmation = mailbox.awaitMessageTo(candidate);
		browser.show(MailContent.html(confirmation));
		browser.screenshot("email-confirmation", 800);
		browser.open(link(CONFIRM_LINK, MailContent.plainText(confirmation)));
		assertThat(browser.heading()).isEqualTo("Confirm your job alert");
		page("confirm");
		browser.clickAndWaitForNextPage(By.xpath("//button[normalize-space()='Confirm my alert']"));
		assertThat(browser.heading()).isEqualTo("Your job alert is confirmed");
		page("confirmed");

		// the welcome email lists what already matches
		MimeMessage welcome = mailbox.awaitMessageTo(candidate,
				(message) -> MailContent.plainText(message).contains("Senior Medical Secretary - Oncology"));
		browser.show(MailContent.html(welcome));
		browser.screenshot("email-welcome", 800);
		String manageUrl = link(MANAGE_LINK, MailContent.plainText(welcome));
		String unsubscribeUrl = link(UNSUBSCRIBE_LINK, MailContent.header(welcome, "List-Unsubscribe"));

		// manage: widen the search, get a weekly email, pause
		browser.open(manageUrl);
		assertThat(browser.heading()).isEqualTo("Manage your job alert");
		assertThat(browser.find(By.id("status")).getText()).isEqualTo("Active");
		page("manage");
		browser.type(By.id("radiusMiles"), "20");
		awaitPreviewCount("5");
		browser.find(By.cssSelector("label[for=frequency-WEEKLY]")).click();
		browser.clickAndWaitForNextPage(By.id("create-alert"));
		assertThat(browser.find(By.cssSelector(".notification")).getText()).isEqualTo("Your alert is saved.");
		assertThat(browser.find(By.tagName("main")).getText()).contains("Within 20 miles of BS1")
			.contains("Once a week, on Mondays at 7am");
		page("manage-saved");
		browser.clickAndWaitForNextPage(By.xpath("//button[normalize-space()='Pause this alert']"));
		assertThat(browser.find(By.id("status")).getText()).isEqualTo("Paused");

		// the unsubscribe link: a page with a button, then unsubscribed
		browser.open(unsubscribeUrl);
		assertThat(browser.heading()).isEqualTo("Unsubscribe from this job alert?");
		page("unsubscribe");
		browser.clickAndWaitForNextPage(By.xpath("//button[normalize-space()='Unsubscribe']"));
		assertThat(browser.heading()).isEqualTo("You are unsubscribed");
		page("unsubscribed");

		// erase everything, after a page that asks to be sure: then no link
		// opens anything any more
		browser.open(manageUrl);
		assertThat(browser.find(By.id("status")).getText()).isEqualTo("Unsubscribed");
		browser.clickAndWaitForNextPage(By.id("erase-link"));
		assertThat(browser.heading()).isEqualTo("Delete everything we hold about you?");
		page("erase");
		browser.clickAndWaitForNextPage(By.xpath("//button[normalize-space()='Yes, delete everything']"));
		assertThat(browser.heading()).startsWith("Every alert of your address is deleted");
		page("erased");
		browser.open(manageUrl);
		assertThat(browser.heading()).isEqualTo("This link does not work");
		page("not-found");

		this.accessibility.writeReport();
		System.out.println(this.accessibility.report());
		assertThat(this.accessibility.seriousOrCritical()).as("serious or critical accessibility violations").isEmpty();
	}

	/**
	 * The welcome, instant, digest and confirmation emails as the notifier builds them,
	 * shown at a phone's width and at a desktop reading pane's: nothing wider than the
	 * screen, and the button (each vacancy's, or the confirm link) a link big enough to
	 * tap. The screenshots in the README are these.
	 */
	@Test
	void theVacancyEmailsReadWellOnAPhoneAndOnADesktop() throws MessagingException {
		AlertMailer mailer = services.notifierBean(AlertMailer.class);
		LocalDate today = services.clock.today();
		Addressee secretary = new Addressee("sam@example.org", "medical secretary jobs within 10 miles of LS6",
				services.matcherUrl() + "/alerts/manage?token=m1",
				services.matcherUrl() + "/alerts/unsubscribe?token=u1");
		Addressee coder = new Addressee("sam@example.org", "clinical coder jobs within 5 miles of LS1",
				services.matcherUrl() + "/alerts/manage?token=m2",
				services.matcherUrl() + "/alerts/unsubscribe?token=u2");
		MatchedVacancy cardiology = vacancy(today, "LTH-101", "Medical Secretary to Consultant Cardiologist",
				"Leeds Teaching Hospitals NHS Trust", Band.BAND_4, "£27,485 to £30,162 a year", 37.5, "Leeds", 2.3, 21);
		MatchedVacancy oncology = vacancy(today, "LTH-102",
				"Senior Medical Secretary and Personal Assistant to the Clinical Director of Oncology and Haematology",
				"Leeds Teaching Hospitals NHS Trust", Band.BAND_5, "£31,049 to £37,796 a year", 22.5, "Leeds", 1.1, 9);
		MatchedVacancy coding = vacancy(today, "CHT-7", "Clinical Coder", "Calderdale and Huddersfield NHS Trust",
				Band.BAND_3, null, 30.0, "Huddersfield", 4.8, 14);

		Map<String, MimeMessage> emails = new LinkedHashMap<>();
		emails.put("welcome", mailer.welcomeEmail("browser/welcome", secretary, List.of(cardiology, oncology), 14));
		emails.put("instant", mailer.matchesEmail("browser/instant", secretary, List.of(cardiology)));
		emails.put("digest",
				mailer.matchesEmail("browser/digest", "sam@example.org",
						List.of(new AlertSection(secretary, List.of(cardiology, oncology)),
								new AlertSection(coder, List.of(coding))),
						services.matcherUrl() + "/alerts/unsubscribe?token=u1&token=u2"));
		emails.put("confirmation",
				mailer.confirmationEmail("browser/confirmation", "sam@example.org",
						"consultant secretary, GP practice secretary, departmental secretary, medical secretary or"
								+ " healthcare executive assistant jobs within 10 miles of LS6",
						"https://alerts.example.nhs.uk/alerts/confirm?token=c1", null));

		for (Map.Entry<String, MimeMessage> email : emails.entrySet()) {
			boolean confirmation = email.getKey().equals("confirmation");
			// as the SMTP connection saves it before sending: its parts get their types
			email.getValue().saveChanges();
			browser.show(MailContent.html(email.getValue()));
			for (int[] size : new int[][] { { 375, 720 }, { 800, 640 } }) {
				browser.viewport(size[0], size[1]);
				assertThat(browser.pageWidth()).as("%s email's width at %d px", email.getKey(), size[0])
					.isLessThanOrEqualTo(size[0]);
				assertThat(browser.find(By.tagName("h1")).getText()).isNotBlank();
				WebElement button = browser.find(By.cssSelector("td[bgcolor='#007f3b'] > a"));
				assertThat(button.getText()).isEqualTo(confirmation ? "Confirm this alert" : "See the job and apply");
				assertThat(button.getAttribute("href")).startsWith(
						confirmation ? "https://alerts.example.nhs.uk/alerts/confirm" : "https://jobs.example.nhs.uk/");
				assertThat(button.getRect().getHeight()).as("the button's height to tap").isGreaterThanOrEqualTo(44);
				assertThat(button.getRect().getX() + button.getRect().getWidth()).isLessThanOrEqualTo(size[0]);
				browser.screenshotOfViewport("email-" + email.getKey() + "-" + size[0]);
			}
		}
		browser.viewport(Browser.DESKTOP_WIDTH, 900);
	}

	private static MatchedVacancy vacancy(LocalDate today, String id, String title, String employer, Band band,
			String salary, double hours, String town, double miles, int closesInDays) {
		return new MatchedVacancy("leeds:" + id, 1, title, employer, band, band, null, null, salary, hours,
				List.of(WorkingPattern.FULL_TIME), town, null, miles, today.minusDays(1), today.plusDays(closesInDays),
				"https://jobs.example.nhs.uk/" + id);
	}

	/** Checks the page with axe-core and saves it at desktop width. */
	private void page(String name) {
		this.accessibility.check(name, browser.driver());
		browser.screenshot(name, Browser.DESKTOP_WIDTH);
	}

	private static void awaitPreviewCount(String count) {
		browser.waitUntil(ExpectedConditions.textToBe(By.id("preview-count"), count));
	}

	private static void awaitPreviewCountAtLeast(int count) {
		browser.waitUntil((driver) -> {
			String shown = driver.findElements(By.id("preview-count"))
				.stream()
				.map((element) -> element.getText())
				.findFirst()
				.orElse("");
			return shown.matches("\\d+") && Integer.parseInt(shown) >= count;
		});
	}

	private static String link(Pattern pattern, String text) {
		Matcher link = pattern.matcher(text);
		assertThat(link.find()).as("a link like " + pattern + " in " + text).isTrue();
		assertThat(link.group()).startsWith(services.matcherUrl());
		return link.group();
	}

	/**
	 * Seven vacancies around Bristol from a trust's feed: four secretary jobs within 10
	 * miles of BS1, a team leader and a receptionist there too, and a secretary job in
	 * Bath, 11 miles away.
	 */
	private void publishBristolVacancies(String sourceId) throws Exception {
		String apiKey = (String) this.http.post()
			.uri(services.ingestUrl() + "/api/v1/admin/sources")
			.header("Authorization", "Bearer " + services.adminToken)
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("sourceId", sourceId, "name", "Avon Vale Hospitals NHS Trust", "employerType", "NHS_TRUST",
					"postcode", "BS2 8HW"))
			.retrieve()
			.body(Map.class)
			.get("apiKey");
		LocalDate today = services.clock.today();
		List<Map<String, Object>> vacancies = new ArrayList<>();
		String[][] rows = {
				{ "AV-101", "Medical Secretary to Consultant Cardiologist", "Band 4", "£27,485 - £30,162 per annum",
						"37.5 hours per week", "Permanent", "BS2 8HW", "Bristol", "21" },
				{ "AV-102", "Medical Secretary - Dermatology", "Band 3", "£24,071 - £25,674 per annum pro rata",
						"22.5 hours per week", "Fixed-Term", "BS10 5NB", "Bristol", "14" },
				{ "AV-103", "Senior Medical Secretary - Oncology", "Band 5", "£31,049 - £37,796 per annum",
						"37.5 hours per week", "Permanent", "BS2 8ED", "Bristol", "28" },
				{ "AV-104", "Medical Secretary", "Band 4", "£27,485 - £30,162 per annum", "37.5 hours per week",
						"Permanent", "BS1 3NU", "Bristol", "10" },
				{ "AV-105", "Medical Secretaries Team Leader", "Band 5", "£31,049 - £37,796 per annum",
						"37.5 hours per week", "Permanent", "BS10 5NB", "Bristol", "30" },
				{ "AV-106", "Medical Receptionist", "Band 2", "£24,465 per annum", "30 hours per week", "Bank",
						"BS8 2AA", "Bristol", "7" },
				{ "AV-107", "Medical Secretary to Consultant Orthopaedic Surgeon", "Band 4",
						"£27,485 - £30,162 per annum", "37.5 hours per week", "Permanent", "BA1 3NG", "Bath", "21" } };
		for (String[] row : rows) {
			Map<String, Object> vacancy = new HashMap<>();
			vacancy.put("externalId", row[0]);
			vacancy.put("title", row[1]);
			vacancy.put("employerName", "Avon Vale Hospitals NHS Trust");
			vacancy.put("description", "Audio typing, clinic letters and diary management for a busy team.");
			vacancy.put("band", row[2]);
			vacancy.put("salary", row[3]);
			vacancy.put("hours", row[4]);
			vacancy.put("contractType", row[5]);
			vacancy.put("postcode", row[6]);
			vacancy.put("town", row[7]);
			vacancy.put("closingDate", today.plusDays(Long.parseLong(row[8])).toString());
			vacancy.put("applyUrl", "https://jobs.example.org/" + sourceId + "/" + row[0]);
			vacancies.add(vacancy);
		}
		Map<String, Object> receipt = this.http.post()
			.uri(services.ingestUrl() + "/api/v1/feeds/" + sourceId)
			.header("Authorization", "Bearer " + apiKey)
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("vacancies", vacancies))
			.retrieve()
			.body(new ParameterizedTypeReference<>() {
			});
		assertThat(receipt).containsEntry("published", rows.length);
	}

}
