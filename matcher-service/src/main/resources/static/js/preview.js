/*
 * Progressive enhancement of the alert form: a live count of the open jobs that match
 * (POST /api/v1/alerts/preview, debounced), and "any medical secretary role" ticking the
 * whole group. Without it the form works as plain HTML.
 */
(function () {
	'use strict';
	// the error summary takes the focus, so a screen reader reads it first
	var summary = document.querySelector('.error-summary');
	if (summary) {
		summary.focus();
	}
	var form = document.querySelector('form[data-preview]');
	if (!form || !window.fetch || !window.JSON) {
		return;
	}
	var result = document.getElementById('preview-result');
	var jobs = document.getElementById('preview-jobs');
	var panel = document.getElementById('preview');
	var shown = 5;
	var timer = null;
	var latest = 0;

	function ticked(name) {
		var values = [];
		form.querySelectorAll('input[name="' + name + '"]:checked').forEach(function (box) {
			values.push(box.value);
		});
		return values;
	}

	function text(name) {
		var field = form.elements[name];
		return field && field.value.trim() !== '' ? field.value.trim() : null;
	}

	function whole(name) {
		var value = text(name);
		if (value === null) {
			return null;
		}
		value = value.replace(/[,£\s]/g, '');
		return /^\d{1,9}$/.test(value) ? Number(value) : value;
	}

	function band(name) {
		var select = form.elements[name];
		var option = select && select.options[select.selectedIndex];
		return option && option.value ? option.getAttribute('data-label') : null;
	}

	function criteria() {
		var roles = ticked('roles');
		return {
			roles: roles,
			bandMin: band('bandMin'),
			bandMax: band('bandMax'),
			postcode: text('postcode'),
			radiusMiles: whole('radiusMiles'),
			includeRemote: form.elements.includeRemote.checked,
			workingPatterns: ticked('workingPatterns'),
			contractTypes: ticked('contractTypes'),
			employerTypes: ticked('employerTypes'),
			specialties: ticked('specialties'),
			minSalary: whole('minSalary'),
			keywords: text('keywords')
		};
	}

	function element(tag, className, content) {
		var node = document.createElement(tag);
		if (className) {
			node.className = className;
		}
		if (content) {
			node.textContent = content;
		}
		return node;
	}

	function clear(node) {
		while (node.firstChild) {
			node.removeChild(node.firstChild);
		}
	}

	function say(message) {
		clear(result);
		result.appendChild(element('p', null, message));
		clear(jobs);
	}

	function pay(job) {
		var band = job.bandMin ? 'Band ' + job.bandMin + (job.bandMax && job.bandMax !== job.bandMin ? ' to ' + job.bandMax : '') : null;
		var salary = job.salaryText || null;
		return band && salary ? band + ', ' + salary : band || salary || 'Pay not given';
	}

	function closes(date) {
		if (!date) {
			return null;
		}
		var day = new Date(date + 'T12:00:00Z');
		return 'Closes ' + day.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
	}

	function show(answer) {
		clear(result);
		var line = element('p');
		var count = element('span', 'preview__count', String(answer.total));
		count.id = 'preview-count';
		line.appendChild(count);
		line.appendChild(element('span', null, answer.total === 1 ? 'open job matches what you have chosen' : 'open jobs match what you have chosen'));
		result.appendChild(line);
		clear(jobs);
		if (!answer.vacancies.length) {
			return;
		}
		jobs.appendChild(element('p', 'preview__meta', 'The newest:'));
		var list = element('ul', 'preview__jobs');
		answer.vacancies.forEach(function (job) {
			var item = element('li');
			var title;
			if (job.applyUrl && job.applyUrl.indexOf('https://') === 0) {
				title = element('a', 'preview__title', job.title);
				title.href = job.applyUrl;
				title.rel = 'noopener noreferrer';
			} else {
				title = element('span', 'preview__title', job.title);
			}
			item.appendChild(title);
			var where = [job.employerName, job.town].filter(Boolean).join(', ');
			item.appendChild(element('span', 'preview__meta', where || 'Location not given'));
			item.appendChild(element('span', 'preview__meta', pay(job)));
			if (job.closingDate) {
				item.appendChild(element('span', 'preview__meta', closes(job.closingDate)));
			}
			list.appendChild(item);
		});
		jobs.appendChild(list);
	}

	function update() {
		var mine = ++latest;
		panel.setAttribute('aria-busy', 'true');
		fetch(form.getAttribute('data-preview') + '?limit=' + shown, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json', 'Accept': 'application/json' },
			body: JSON.stringify(criteria())
		}).then(function (response) {
			return response.json().then(function (body) {
				return { ok: response.ok, status: response.status, body: body };
			});
		}).then(function (answer) {
			if (mine !== latest) {
				return;
			}
			panel.setAttribute('aria-busy', 'false');
			if (answer.ok) {
				show(answer.body);
			} else if (answer.status === 400) {
				say('Finish the answers you have started to see the jobs that match.');
			} else {
				// busy (503) or over the client's limit (429): nothing the candidate typed is wrong
				say('We could not count the matching jobs just now. You can still set up the alert.');
			}
		}).catch(function () {
			if (mine === latest) {
				panel.setAttribute('aria-busy', 'false');
				say('We could not count the matching jobs just now. You can still set up the alert.');
			}
		});
	}

	function soon() {
		clearTimeout(timer);
		timer = setTimeout(update, 350);
	}

	var any = document.getElementById('anySecretaryRole');
	var secretaries = form.querySelectorAll('input[name="roles"][data-group="SECRETARY"]');
	if (any) {
		any.addEventListener('change', function () {
			secretaries.forEach(function (box) {
				box.checked = any.checked;
			});
		});
		secretaries.forEach(function (box) {
			box.addEventListener('change', function () {
				any.checked = Array.prototype.every.call(secretaries, function (each) {
					return each.checked;
				});
			});
		});
	}

	// The preview button is hidden when the count is live: Enter in a field creates the alert.
	form.addEventListener('keydown', function (event) {
		if (event.key === 'Enter' && event.target.tagName === 'INPUT' && event.target.type !== 'checkbox' && event.target.type !== 'radio') {
			event.preventDefault();
			document.getElementById('create-alert').click();
		}
	});
	form.addEventListener('input', soon);
	form.addEventListener('change', soon);
	update();
}());
