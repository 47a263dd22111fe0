package uk.nhsjob.notifier.email;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import org.springframework.stereotype.Component;

/**
 * The templates under {@code templates/email/}: {@code .html} ones in HTML mode (where
 * {@code th:text} escapes), {@code .txt} ones in text mode. An engine of its own, so the
 * web settings of {@code spring.thymeleaf.*} do not change what emails say. The HTML
 * templates share {@code layout.html}, the frame and pieces of every email.
 */
@Component
class EmailTemplates {

	/** Plain-text lines are wrapped at this many characters, as email has long been. */
	static final int TEXT_WIDTH = 76;

	private final SpringTemplateEngine engine = new SpringTemplateEngine();

	EmailTemplates() {
		// an email is rendered per alert in a round: compiled expressions are faster
		this.engine.setEnableSpringELCompiler(true);
		this.engine.addTemplateResolver(resolver(TemplateMode.HTML, "*.html", 1));
		this.engine.addTemplateResolver(resolver(TemplateMode.TEXT, "*.txt", 2));
	}

	/** The HTML and plain-text versions of the template with this base name. */
	Rendered render(String name, Map<String, Object> model) {
		Context context = new Context(Locale.UK, model);
		return new Rendered(PlainText.wrap(this.engine.process(name + ".txt", context), TEXT_WIDTH),
				this.engine.process(name + ".html", context));
	}

	private static ClassLoaderTemplateResolver resolver(TemplateMode mode, String pattern, int order) {
		ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
		resolver.setPrefix("templates/email/");
		resolver.setResolvablePatterns(Set.of(pattern));
		resolver.setTemplateMode(mode);
		resolver.setCharacterEncoding("UTF-8");
		resolver.setCheckExistence(true);
		resolver.setOrder(order);
		return resolver;
	}

	record Rendered(String text, String html) {
	}

}
