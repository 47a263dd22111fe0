package uk.nhsjob.system;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.function.Function;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Headless Chromium from the machine's packages (Debian's {@code chromium} and
 * {@code chromium-driver}), driven by Selenium: nothing is downloaded. Where either is
 * missing, the test is skipped with the command that installs them.
 */
final class Browser implements AutoCloseable {

	static final int DESKTOP_WIDTH = 1280;

	static final int PHONE_WIDTH = 390;

	private static final Path SCREENSHOTS = Path.of("target", "screenshots");

	private final ChromeDriver driver;

	private final WebDriverWait wait;

	private Browser(ChromeDriver driver) {
		this.driver = driver;
		this.wait = new WebDriverWait(driver, Duration.ofSeconds(30));
	}

	/** Starts Chromium, or skips the test when it is not installed. */
	static Browser start() {
		File chromium = executable("nhsjob.test.chromium", "/usr/bin/chromium");
		File chromedriver = executable("nhsjob.test.chromedriver", "/usr/bin/chromedriver");
		assumeTrue(chromium.canExecute() && chromedriver.canExecute(),
				() -> "No Chromium at " + chromium + " with its driver at " + chromedriver
						+ ": the browser tests are skipped. Install them with"
						+ " `apt-get install -y chromium chromium-driver` (Debian), or point the system properties"
						+ " nhsjob.test.chromium and nhsjob.test.chromedriver at them.");
		ChromeOptions options = new ChromeOptions();
		options.setBinary(chromium);
		options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
				"--disable-dev-shm-usage", "--hide-scrollbars", "--force-device-scale-factor=1",
				"--window-size=" + DESKTOP_WIDTH + ",900", "--lang=en-GB");
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(chromedriver)
			.usingAnyFreePort()
			.build();
		return new Browser(new ChromeDriver(service, options));
	}

	private static File executable(String property, String fallback) {
		return new File(System.getProperty(property, fallback));
	}

	WebDriver driver() {
		return this.driver;
	}

	void open(String url) {
		this.driver.get(url);
		waitForPage();
	}

	/** Shows HTML that does not come from a server, such as an email's. */
	void show(String html) {
		this.driver.get("data:text/html;charset=utf-8;base64,"
				+ Base64.getEncoder().encodeToString(html.getBytes(StandardCharsets.UTF_8)));
		waitForPage();
	}

	WebElement find(By by) {
		return this.wait.until(ExpectedConditions.visibilityOfElementLocated(by));
	}

	void type(By field, String text) {
		WebElement input = find(field);
		input.clear();
		input.sendKeys(text);
	}

	/** Clicks, and waits for the page the click loads when it loads one. */
	/**
	 * Clicks and waits until another document has replaced this one: the old document is
	 * marked before the click, and the wait ends once the current one has no mark.
	 * (Waiting for the old {@code html} element to go stale is not enough: Chromium may
	 * answer "node does not belong to the document" instead of a stale element.)
	 */
	void clickAndWaitForNextPage(By by) {
		script("window.nhsjobPageBeforeClick = true");
		find(by).click();
		this.wait.until((driver) -> isAnotherDocument());
		waitForPage();
	}

	private boolean isAnotherDocument() {
		try {
			return !Boolean.TRUE.equals(script("return window.nhsjobPageBeforeClick === true"));
		}
		catch (WebDriverException ex) {
			// between documents: ask again
			return false;
		}
	}

	<T> T waitUntil(Function<WebDriver, T> condition) {
		return this.wait.until(condition);
	}

	String heading() {
		return find(By.tagName("h1")).getText();
	}

	/**
	 * Saves the whole page, at the width given, as {@code target/screenshots/<name>.png}.
	 */
	Path screenshot(String name, int width) {
		try {
			Files.createDirectories(SCREENSHOTS);
			this.driver.manage().window().setSize(new Dimension(width, 900));
			long height = (Long) script("return Math.ceil(document.documentElement.scrollHeight)");
			this.driver.manage().window().setSize(new Dimension(width, (int) Math.min(height, 8000)));
			script("window.scrollTo(0, 0)");
			Path file = SCREENSHOTS.resolve(name + ".png");
			Files.write(file, this.driver.getScreenshotAs(OutputType.BYTES));
			this.driver.manage().window().setSize(new Dimension(DESKTOP_WIDTH, 900));
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Gives the page a viewport this wide and this tall, as a phone's or a desktop mail
	 * client's reading pane.
	 */
	void viewport(int width, int height) {
		this.driver.manage().window().setSize(new Dimension(width, height));
		this.wait.until((driver) -> ((Number) script("return window.innerWidth")).intValue() == width);
	}

	/**
	 * How wide the page is laid out: wider than the viewport means scrolling sideways.
	 */
	int pageWidth() {
		return ((Number) script("return document.documentElement.scrollWidth")).intValue();
	}

	/**
	 * Saves what the viewport shows, without resizing it, as
	 * {@code target/screenshots/<name>.png}: a picture of modest size for the docs.
	 */
	Path screenshotOfViewport(String name) {
		try {
			Files.createDirectories(SCREENSHOTS);
			script("window.scrollTo(0, 0)");
			Path file = SCREENSHOTS.resolve(name + ".png");
			Files.write(file, this.driver.getScreenshotAs(OutputType.BYTES));
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	Object script(String script, Object... arguments) {
		return ((JavascriptExecutor) this.driver).executeScript(script, arguments);
	}

	private void waitForPage() {
		this.wait.until((driver) -> "complete".equals(script("return document.readyState")));
	}

	@Override
	public void close() {
		this.driver.quit();
	}

}
