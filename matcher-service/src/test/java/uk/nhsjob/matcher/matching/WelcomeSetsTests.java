package uk.nhsjob.matcher.matching;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.Test;

import org.springframework.context.annotation.AnnotationConfigApplicationContext;

import uk.nhsjob.matcher.alert.AlertConfirmed;
import uk.nhsjob.matcher.alert.WelcomeSetOutbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/**
 * A confirmation is answered without waiting for its welcome set (docs/alerts.md, "The
 * candidate's pages"): the event is published on the confirming request's thread, and
 * Spring delivers it to its listeners on that thread.
 */
class WelcomeSetsTests {

	@Test
	void theConfirmationIsAnsweredWhileItsWelcomeSetIsStillBeingBuilt() {
		Matchmaker matchmaker = mock(Matchmaker.class);
		CountDownLatch building = new CountDownLatch(1);
		CountDownLatch finish = new CountDownLatch(1);
		given(matchmaker.sendWelcomeSet("alert-1")).willAnswer((invocation) -> {
			building.countDown();
			finish.await();
			return true;
		});
		try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext()) {
			context.registerBean(Matchmaker.class, () -> matchmaker);
			context.registerBean(WelcomeSetOutbox.class, () -> mock(WelcomeSetOutbox.class));
			context.register(WelcomeSets.class);
			context.refresh();

			CompletableFuture<Void> confirming = CompletableFuture
				.runAsync(() -> context.publishEvent(new AlertConfirmed("alert-1")));
			await().until(() -> building.getCount() == 0);
			await().until(confirming::isDone);
			assertThat(confirming).isCompleted();
			assertThat(finish.getCount()).as("the welcome set is still being built").isOne();
			finish.countDown();
		}
		finally {
			finish.countDown();
		}
	}

}
