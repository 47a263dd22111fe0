package uk.nhsjob.testsupport;

import java.util.List;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The rules every service keeps, so that the three read alike.
 * <ul>
 * <li>Packaged by feature, with no cycles between features; no dependency on another
 * service (what services share goes through {@code common}'s contracts or
 * {@code platform}) nor on test libraries.</li>
 * <li>One name for one kind of class: HTTP handlers end in {@code Controller}, their
 * error advice in {@code ErrorAdvice}, Kafka listeners in {@code Listener}, bean
 * definitions in {@code Configuration}, settings records in {@code Settings}.</li>
 * </ul>
 * Each service's {@code ArchitectureTests} calls {@link #verify} and adds its own rules.
 */
public final class ServiceArchitecture {

	private static final String[] SERVICES = { "uk.nhsjob.ingest", "uk.nhsjob.matcher", "uk.nhsjob.notifier" };

	private ServiceArchitecture() {
	}

	/** The service's production classes, for rules of its own. */
	public static JavaClasses classesOf(String basePackage) {
		return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages(basePackage);
	}

	/**
	 * Checks the shared rules for the service whose base package is given, e.g.
	 * {@code uk.nhsjob.ingest}.
	 */
	public static void verify(String basePackage) {
		JavaClasses classes = classesOf(basePackage);
		slices().matching(basePackage + ".(*)..").should().beFreeOfCycles().check(classes);
		for (String other : SERVICES) {
			if (!other.equals(basePackage)) {
				noClasses().should().dependOnClassesThat().resideInAPackage(other + "..").check(classes);
			}
		}
		noClasses().should()
			.dependOnClassesThat()
			.resideInAnyPackage("..testsupport..", "org.junit..", "org.mockito..")
			.check(classes);
		// a service need not have every kind of class (the notifier has no controller,
		// the ingest no listener)
		namingRules().forEach((rule) -> rule.allowEmptyShould(true).check(classes));
	}

	/**
	 * Checks the service's feature packages as Spring Modulith's application modules: no
	 * cycles, and no module reaching into another's sub-packages (its internals). Writes
	 * the module diagram (PlantUML, C4) and one canvas per module to
	 * {@code target/spring-modulith-docs}.
	 */
	public static ApplicationModules verifyModules(Class<?> applicationClass) {
		ApplicationModules modules = ApplicationModules.of(applicationClass);
		modules.verify();
		new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml().writeModuleCanvases();
		return modules;
	}

	private static List<ArchRule> namingRules() {
		return List.of(
				classes().that()
					.areAnnotatedWith("org.springframework.web.bind.annotation.RestController")
					.or()
					.areAnnotatedWith("org.springframework.stereotype.Controller")
					.should()
					.haveSimpleNameEndingWith("Controller")
					.because("every HTTP handler class is a ...Controller"),
				classes().that()
					.areAnnotatedWith("org.springframework.web.bind.annotation.RestControllerAdvice")
					.or()
					.areAnnotatedWith("org.springframework.web.bind.annotation.ControllerAdvice")
					.should()
					.haveSimpleNameEndingWith("ErrorAdvice")
					.because("the advice that turns exceptions into answers is a ...ErrorAdvice"),
				methods().that()
					.areAnnotatedWith("org.springframework.kafka.annotation.KafkaListener")
					.should()
					.beDeclaredInClassesThat()
					.haveSimpleNameEndingWith("Listener")
					.because("every Kafka listener lives in a ...Listener"),
				classes().that()
					.areAnnotatedWith("org.springframework.context.annotation.Configuration")
					.and()
					.areNotAnnotatedWith("org.springframework.boot.autoconfigure.SpringBootApplication")
					.should()
					.haveSimpleNameEndingWith("Configuration")
					.because("bean definitions live in ...Configuration classes"),
				classes().that()
					.areAnnotatedWith("org.springframework.boot.context.properties.ConfigurationProperties")
					.should()
					.haveSimpleNameEndingWith("Settings")
					.because("settings are ...Settings records"),
				noMethods().that()
					.areAnnotatedWith("org.springframework.context.annotation.Bean")
					.should()
					.beDeclaredInClassesThat()
					.areAnnotatedWith("org.springframework.boot.autoconfigure.SpringBootApplication")
					.because("the application class starts the service; its beans are in its Configuration"));
	}

}
