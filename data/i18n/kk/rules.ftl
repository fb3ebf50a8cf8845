# Шешімдердің түсіндірмесі (crates/core/src/rules/explain.rs), қазақ тілі.
# Тексеру хабарламасының id-і — ЕРЕЖЕ--НӘТИЖЕ немесе ЕРЕЖЕ--НӘТИЖЕ--ЕСКЕРТПЕ, ереже id-індегі «.» орнына «-»:
# pr.solvency.applicant failed short → pr-solvency-applicant--failed--short. ЕРЕЖЕ--title — ереженің
# қысқа атауы. Аргументтер пішімделген күйде келеді (ақша, күн, сөздер).
# Аргументке жалғау қосылмайды: сөйлем оны атау септігінде қалдыратындай құрылған.

## Нәтижелер

outcome--eligible = Өтініш беруші талаптарға сай: оған { $programme } берілуі мүмкін.
outcome--eligible-until = Өтініш беруші талаптарға сай: оған { $programme } берілуі мүмкін, жарамдылық мерзімі — { $until } дейін.
outcome--ineligible = Өтініш беруші талаптарға сай емес, оған { $programme } берілмейді: орындалмаған шарттарды қараңыз.
outcome--needs_officer = Өтініш берушіге { $programme } берілетін-берілмейтінін қызметкер шешеді: оның қарауына жіберілген мәселелерді қараңыз.
outcome--keep = Рұқсат талаптарға сай және сақталады.
outcome--cancel = Рұқсат енді талаптарға сай емес, оның күші жойылуға тиіс.
outcome--review = Рұқсаттың сақталатынын немесе күші жойылатынын қызметкер шешеді.

## Жалпы

rule--repealed = { $title }: шешім қабылданған күні ереже күшін жойған, сондықтан қолданылмайды.
rule--not_in_force = { $title }: шешім қабылданған күні ереже әлі күшіне енбеген, сондықтан қолданылмайды.
waived--waive = Бұл шарт ерекшелікке байланысты қолданылмайды: «{ $exception }».
waived--refer = Ерекшеліктің қолданылатын-қолданылмайтынын қызметкер бағалайды: «{ $exception }».

## Тұрақты тұруға рұқсат

pr--title = тұрақты тұруға рұқсат
pr-passport--title = Жарамды паспорт
pr-passport--passed = Паспорт өтініш берілген күні жарамды (жарамдылық мерзімі { $passport_expiry } күні аяқталады).
pr-passport--failed = Паспорттың жарамдылық мерзімі { $passport_expiry } күні, яғни өтініш берілгенге дейін аяқталған.
pr-criminal_record--title = Сотталғандық
pr-criminal_record--passed = Сотталғандық туралы мәлімет көрсетілмеген.
pr-criminal_record--needs_officer = Сотталғандық туралы мәлімет көрсетілген: қызметкер оны бас тарту негіздерін ескере отырып бағалауға тиіс.
pr-solvency-applicant--title = Өтініш берушінің төлем қабілеттілігі
pr-solvency-applicant--passed = Өтініш берушінің қазақстандық банктегі шотында { $held } бар ({ $certified_on } күнгі анықтама); кемінде { $required } талап етіледі ({ $amount_mci } АЕК × { $mci }).
pr-solvency-applicant--failed--no_funds = Өтініш беруші қазақстандық банктегі шотында қаражат барын көрсетпеген; кемінде { $required } талап етіледі ({ $amount_mci } АЕК × { $mci }).
pr-solvency-applicant--failed--not_kazakh_bank = Өтініш берушінің қаражаты Қазақстандағы банкте емес; төлем қабілеттілігін тек қазақстандық банктегі шот растайды.
pr-solvency-applicant--failed--certificate_after = Банк анықтамасы { $certified_on } күні, яғни өтініш берілген күннен кейін берілген.
pr-solvency-applicant--failed--certificate_old = { $certified_on } күнгі банк анықтамасы берілгеннен бастап өтініш берілген күнге дейін { $certificate_days } күннен астам уақыт өткен.
pr-solvency-applicant--failed--short = Өтініш берушінің қазақстандық банктегі шотында { $held } бар: талап етілетін { $required } сомасына ({ $amount_mci } АЕК × { $mci }) { $missing } жетпейді.
pr-solvency-family--title = Отбасы мүшелерінің төлем қабілеттілігі
pr-solvency-family--passed = { $min_age } жасқа толған отбасы мүшелерінің (барлығы: { $of_age }) әрқайсысының қазақстандық банктегі шотында кемінде { $required } бар.
pr-solvency-family--failed = { $min_age } жасқа толған отбасы мүшелері — { $of_age }; олардың { $short } мүшесі қазақстандық банктегі шотта { $required } барын растамаған: { $members_short }.
pr-solvency-family--not_applicable--none_of_age = Отбасы мүшелерінің ешқайсысы { $min_age } жасқа толмаған, сондықтан олардың ешқайсысы төлем қабілеттілігін растауға міндетті емес.
pr-housing--title = Тұрғын үйге арналған қаражат
pr-housing--passed = Тұрғын үйге арналған қаражат ({ $held }) { $persons } адамға { $area } м² тұрғын үйге жетеді ({ $region }: 1 м² орташа бағасы — { $price_m2 }): { $required } қажет.
pr-housing--failed = Тұрғын үйге арналған қаражат ({ $held }) { $persons } адамға { $area } м² тұрғын үйге жетпейді ({ $region }: 1 м² орташа бағасы — { $price_m2 }): { $required } қажет.
pr-housing--failed--no_funds = Тұрғын үйге арналған қаражат көрсетілмеген; { $persons } адамға { $area } м² тұрғын үй үшін ({ $region }: 1 м² орташа бағасы — { $price_m2 }) { $required } қажет.
pr-housing-by_contract--title = Шарт бойынша берілетін тұрғын үй
pr-housing-by_contract--passed = Тұрғын үй шарт бойынша беріледі, сондықтан тұрғын үйге арналған қаражат талап етілмейді.
pr-housing-by_contract--failed = Тұрғын үй шарт бойынша берілмейді.
pr-exempt-in_demand--title = Ерекшелік: сұранысқа ие кәсіп
pr-exempt-in_demand--passed = { $occupation } кәсібі шешім күні қолданыста болған сұранысқа ие кәсіптер тізбесіне енгізілген (№ { $list_id } тізбе, күшіне енген күні — { $list_from }): өтініш берушіге төлем қабілеттілігін растау қажет емес.
pr-exempt-in_demand--failed = { $occupation } кәсібі шешім күні қолданыста болған сұранысқа ие кәсіптер тізбесінде жоқ (№ { $list_id } тізбе, күшіне енген күні — { $list_from }).
pr-exempt-in_demand--failed--no_occupation = Кәсіп көрсетілмеген, сондықтан сұранысқа ие кәсіптерге арналған ерекшелік қолданылмайды.
pr-exempt-in_demand--failed--no_list = Шешім күні сұранысқа ие кәсіптердің ешбір тізбесі қолданыста болмаған, сондықтан { $occupation } кәсібіне ерекшелік қолданылмайды.
pr-exempt-kandas--title = Ерекшелік: қандас
pr-exempt-kandas--passed = Өтініш беруші — қандас, сондықтан төлем қабілеттілігін растауы қажет емес.
pr-exempt-kandas--failed = Өтініш берушінің қандас екені көрсетілмеген.
pr-exempt-former_citizen--title = Ерекшелік: бұрынғы азамат
pr-exempt-former_citizen--passed = Өтініш беруші — Қазақстанның бұрынғы азаматы, сондықтан төлем қабілеттілігін растауы қажет емес.
pr-exempt-former_citizen--failed = Өтініш берушінің Қазақстанның бұрынғы азаматы екені көрсетілмеген.
pr-exempt-simplified_citizenship--title = Ерекшелік: азаматтыққа оңайлатылған тәртіппен қабылдау
pr-exempt-simplified_citizenship--passed = Өтініш берушінің азаматтыққа оңайлатылған тәртіппен қабылдануға құқығы бар, сондықтан төлем қабілеттілігін растауы қажет емес.
pr-exempt-simplified_citizenship--failed = Өтініш берушінің азаматтыққа оңайлатылған тәртіппен қабылдануға құқығы бар екені көрсетілмеген.
pr-validity--title = Рұқсаттың қолданылу мерзімі
pr-validity--passed = Рұқсат { $from } – { $until } аралығында жарамды: { $years } жыл.
pr-validity--passed--passport = Рұқсат { $from } – { $until } аралығында, яғни паспорттың жарамдылық мерзімі аяқталғанға дейін жарамды: бұл { $years } жылдан қысқа.
pr-cancellation--title = Бұрын берілген рұқсат
pr-cancellation--passed = { $issued_on } күні берілген { $permit } рұқсаты әлі де талаптарға сай және сақталады.
pr-cancellation--failed = { $issued_on } күні берілген { $permit } рұқсаты енді талаптарға сай емес, оның күші жойылуға тиіс.
pr-cancellation--needs_officer = { $issued_on } күні берілген { $permit } рұқсаты: оның сақталатынын немесе күші жойылатынын қызметкер шешеді.

## Құнды дағдылары бар адамдарға арналған виза

vs--title = құнды дағдылары бар адамдарға арналған виза
vs-passport--title = Жарамды паспорт
vs-passport--passed = Паспорт өтініш берілген күні жарамды (жарамдылық мерзімі { $passport_expiry } күні аяқталады).
vs-passport--failed = Паспорттың жарамдылық мерзімі { $passport_expiry } күні, яғни өтініш берілгенге дейін аяқталған.
vs-criminal_record--title = Сотталғандық
vs-criminal_record--passed = Сотталғандық туралы мәлімет көрсетілмеген.
vs-criminal_record--needs_officer = Сотталғандық туралы мәлімет көрсетілген: қызметкер оны бас тарту негіздерін ескере отырып бағалауға тиіс.
vs-occupation--title = Кәсіби маман
vs-occupation--passed = { $occupation } кәсібі кәсіби мамандарға жатады (кәсіптер жіктеуішінің 2-негізгі тобы).
vs-occupation--failed = { $occupation } кәсібі кәсіби мамандарға жатпайды (кәсіптер жіктеуішінің 2-негізгі тобы); виза кәсіби мамандарға арналған.
vs-points-factor--title = Балдар
vs-points-factor--passed--ranking = Құнды дағдылар рейтингіндегі орны: { $value } (рейтингте барлығы: { $ranked }); { $points } балл (ең көбі { $cap }).
vs-points-factor--passed--education = Білімі: { $value }; { $points } балл (ең көбі { $cap }).
vs-points-factor--passed--experience = Жұмыс өтілі: { $value } жыл; { $points } балл (ең көбі { $cap }).
vs-points-factor--passed--age = Жасы: { $value }; { $points } балл (ең көбі { $cap }).
vs-points-factor--passed--languages = Тілдер: { $value }; { $points } балл (ең көбі { $cap }).
vs-points-factor--passed--publications = Жарияланымдар: { $value }; { $points } балл (ең көбі { $cap }).
vs-points-factor--passed--patents = Патенттер: { $value }; { $points } балл (ең көбі { $cap }).
vs-points-factor--passed--awards = Марапаттар: { $value }; { $points } балл (ең көбі { $cap }).
vs-points-factor--passed--job_offer = Қазақстандағы жұмыс ұсынысы: { $value }; { $points } балл (ең көбі { $cap }).
vs-points--title = Балдық шкала бойынша жиналған балл
vs-points--passed = Жиналған балл: { $score } (ең көбі { $maximum }); кемінде { $minimum } балл қажет (шкала { $grid_from } күні күшіне енген).
vs-points--failed = Жиналған балл: { $score } (ең көбі { $maximum }), бұл қажетті { $minimum } балдан төмен (шкала { $grid_from } күні күшіне енген).
vs-training--title = Жергілікті кадрларды оқыту
vs-training--passed = Жоспар бойынша жылына { $trainees } жергілікті маман оқытылады; кемінде { $minimum } маман талап етіледі.
vs-training--failed = Жоспар бойынша жылына { $trainees } жергілікті маман ғана оқытылады; кемінде { $minimum } маман талап етіледі.
vs-training--failed--no_plan = Жергілікті кадрларды оқыту жоспары ұсынылмаған; виза иесі жылына кемінде { $minimum } жергілікті маманды оқытуға тиіс.
vs-validity--title = Визаның қолданылу мерзімі
vs-validity--passed = Виза { $from } – { $until } аралығында жарамды: { $years } жыл.
vs-validity--passed--passport = Виза { $from } – { $until } аралығында, яғни паспорттың жарамдылық мерзімі аяқталғанға дейін жарамды: бұл { $years } жылдан қысқа.

## Инвесторлық виза

inv--title = инвесторлық виза
inv-passport--title = Жарамды паспорт
inv-passport--passed = Паспорт өтініш берілген күні жарамды (жарамдылық мерзімі { $passport_expiry } күні аяқталады).
inv-passport--failed = Паспорттың жарамдылық мерзімі { $passport_expiry } күні, яғни өтініш берілгенге дейін аяқталған.
inv-criminal_record--title = Сотталғандық
inv-criminal_record--passed = Сотталғандық туралы мәлімет көрсетілмеген.
inv-criminal_record--needs_officer = Сотталғандық туралы мәлімет көрсетілген: қызметкер оны бас тарту негіздерін ескере отырып бағалауға тиіс.
inv-investment--title = Инвестиция
inv-investment--passed = { $recipient } { $kind } { $date } күні салынған { $amount } толық есепке алынады.
inv-investment--passed--converted = { $recipient } { $kind } { $date } күні салынған { $amount } { $usd_rate_date } күнгі ресми бағам бойынша { $usd } ретінде есепке алынады (1 АҚШ доллары = { $usd_rate }).
inv-investment--passed--cross = { $recipient } { $kind } { $date } күні салынған { $amount } { $rate_date } күнгі ресми бағамдар бойынша { $usd } ретінде есепке алынады (валютаның 1 бірлігі = { $rate }; 1 АҚШ доллары = { $usd_rate }).
inv-investment--failed--foreign = { $recipient } ұйымына салынған { $amount } есепке алынбайды: бұл қазақстандық компания немесе эмитент емес (БСН жоқ).
inv-investment--failed--after_application = { $recipient } ұйымына { $date } күні салынған { $amount } есепке алынбайды: ол өтініш берілгеннен кейін салынған.
inv-threshold--title = Инвестиция сомасы
inv-threshold--passed = Есепке алынған инвестициялар: { $total }; кемінде { $threshold } талап етіледі.
inv-threshold--failed = Есепке алынған инвестициялар: { $total }; талап етілетін { $threshold } сомасына { $missing } жетпейді.
inv-threshold--failed--none = Инвестиция көрсетілмеген; қазақстандық компаниялардың жарғылық капиталына немесе бағалы қағаздарына кемінде { $threshold } салу талап етіледі.
inv-validity--title = Визаның қолданылу мерзімі
inv-validity--passed = Виза { $from } – { $until } аралығында жарамды: { $years } жыл.
inv-validity--passed--passport = Виза { $from } – { $until } аралығында, яғни паспорттың жарамдылық мерзімі аяқталғанға дейін жарамды: бұл { $years } жылдан қысқа.
inv-rights--title = Виза иесінің құқықтары
inv-rights--passed--register_business = Виза иесі бизнес тіркей алады.
inv-rights--passed--own_property = Виза иесі мүлікті меншігінде ұстай алады.
inv-rights--passed--hire_staff = Виза иесі қызметкерлерді жұмысқа қабылдай алады.
inv-rights--passed--financial_transactions = Виза иесі қаржылық мәмілелер жасап, операцияларды еркін жүргізе алады.

## «Ата жолы» картасы

az--title = «Ата жолы» картасы
az-passport--title = Жарамды паспорт
az-passport--passed = Паспорт өтініш берілген күні жарамды (жарамдылық мерзімі { $passport_expiry } күні аяқталады).
az-passport--failed = Паспорттың жарамдылық мерзімі { $passport_expiry } күні, яғни өтініш берілгенге дейін аяқталған.
az-criminal_record--title = Сотталғандық
az-criminal_record--passed = Сотталғандық туралы мәлімет көрсетілмеген.
az-criminal_record--needs_officer = Сотталғандық туралы мәлімет көрсетілген: қызметкер оны бас тарту негіздерін ескере отырып бағалауға тиіс.
az-ethnic_kazakh--title = Ұлты қазақ
az-ethnic_kazakh--passed = Өтініш берушінің ұлты — қазақ.
az-ethnic_kazakh--failed = Өтініш берушінің ұлты қазақ екені көрсетілмеген; карта шетелде тұратын ұлты қазақ адамдарға арналған.
az-lives_abroad--title = Шетелде тұру
az-lives_abroad--passed = Өтініш беруші шетелде тұрады ({ $country }).
az-lives_abroad--failed = Өтініш беруші Қазақстанда тұрады; карта шетелде тұратын адамдарға арналған.
az-ground--title = Карта беру негізі
az-ground--passed = Карта берудің кемінде бір негізі бар.
az-ground--failed = Негіздердің ешқайсысы жоқ: сұранысқа ие кәсіп, азаматтыққа оңайлатылған тәртіппен қабылдауға арналған тізбедегі кәсіп немесе шетелде тіркелген бизнес.
az-ground-in_demand--title = Негіз: сұранысқа ие кәсіп
az-ground-in_demand--passed = { $occupation } кәсібі шешім күні қолданыста болған сұранысқа ие кәсіптер тізбесіне енгізілген (№ { $list_id } тізбе, күшіне енген күні — { $list_from }).
az-ground-in_demand--failed = { $occupation } кәсібі шешім күні қолданыста болған сұранысқа ие кәсіптер тізбесінде жоқ (№ { $list_id } тізбе, күшіне енген күні — { $list_from }).
az-ground-in_demand--failed--no_occupation = Кәсіп көрсетілмеген.
az-ground-in_demand--failed--no_list = Шешім күні сұранысқа ие кәсіптердің ешбір тізбесі қолданыста болмаған.
az-ground-simplified_citizenship--title = Негіз: азаматтыққа оңайлатылған тәртіппен қабылдауға арналған кәсіп
az-ground-simplified_citizenship--passed = { $occupation } кәсібі азаматтыққа оңайлатылған тәртіппен қабылдауға арналған тізбеде бар (күшіне енген күні — { $list_from }).
az-ground-simplified_citizenship--failed = { $occupation } кәсібі азаматтыққа оңайлатылған тәртіппен қабылдауға арналған тізбеде жоқ (күшіне енген күні — { $list_from }).
az-ground-simplified_citizenship--failed--no_occupation = Кәсіп көрсетілмеген.
az-ground-simplified_citizenship--failed--no_list = Шешім күні азаматтыққа оңайлатылған тәртіппен қабылдауға арналған ешбір тізбе қолданыста болмаған.
az-ground-business_abroad--title = Негіз: шетелдегі бизнес
az-ground-business_abroad--passed = Өтініш берушінің { $business } бизнесі шетелде ({ $country }) тіркелген, тіркелген күні — { $registered_on }.
az-ground-business_abroad--failed--none = Шетелде тіркелген бизнес көрсетілмеген.
az-ground-business_abroad--failed--in_kazakhstan = { $business } бизнесі шетелде емес, Қазақстанда тіркелген.
az-ground-business_abroad--failed--not_yet = { $business } бизнесі { $registered_on } күні, яғни өтініш берілгеннен кейін тіркелген.
az-validity--title = Картаның қолданылу мерзімі
az-validity--passed = Карта { $from } – { $until } аралығында жарамды: { $years } жыл.
az-validity--passed--passport = Карта { $from } – { $until } аралығында, яғни паспорттың жарамдылық мерзімі аяқталғанға дейін жарамды: бұл { $years } жылдан қысқа.
az-rights--title = Карта иесінің құқықтары
az-rights--passed = Карта иесі Қазақстанда кәсіпкерлікпен айналыса алады.

## Босқын мәртебесі

rf--title = босқын мәртебесі
rf-grounds--title = Қудалау негіздері
rf-grounds--needs_officer = Қудалаудың құрбаны болудан қорқу негіздері: { $grounds }. Қорқыныштың негізді екенін қызметкер бағалайды.
rf-grounds--failed--none = Заңда аталған негіздердің ешқайсысы көрсетілмеген (нәсіл, діни ұстаным, азаматтық немесе ұлт, белгілі бір әлеуметтік топқа жату, саяси көзқарас).
rf-deadline--title = Өтінішхат беру мерзімі
rf-deadline--passed = Өтінішхат { $arrival } күні келгеннен кейін { $days } күнтізбелік күн ішінде берілген (мерзімнің соңғы күні — { $deadline }).
rf-deadline--failed = Өтінішхат мерзімнен { $late_by } күн кешігіп берілген: мерзімнің соңғы күні — { $deadline } ({ $arrival } күні келгеннен кейін { $days } күнтізбелік күн).
rf-deadline-good_reason--title = Мерзімді өткізіп алудың дәлелді себебі
rf-deadline-good_reason--passed = Мерзімді өткізіп алу себебі көрсетілген: «{ $reason }».
rf-deadline-good_reason--failed = Мерзімді өткізіп алу себебі көрсетілмеген.
rf-exclusion--title = Босқын деп тануды болдырмайтын негіздер
rf-exclusion--passed = Босқын деп тануды болдырмайтын негіздер көрсетілмеген.
rf-exclusion--needs_officer = Босқын деп тануды болдырмайтын негіздер көрсетілген: оларды қызметкер қарауға тиіс.
rf-certificate--title = Пана іздеген адамның куәлігі
rf-certificate--passed = Өтінішхат қаралып жатқанда өтініш берушіге { $from } – { $until } аралығында жарамды пана іздеген адамның куәлігі беріледі, оның мерзімі ұзартылуы мүмкін.
rf-residence--title = Босқын деп танылған жағдайда тұру
rf-residence--passed = Босқын мәртебесі берілсе: алдымен уақытша тұруға рұқсат, кейін тұрақты тұруға рұқсат беріледі.

## Сөздер
# word--charter_capital мен word--securities барыс септігінде: inv-investment--* ішінде «{ $recipient } { $kind }» болып қойылады.

word--unranked = рейтингте жоқ
word--yes = иә
word--no = жоқ
word--none = жоқ
word--secondary = орта
word--vocational = техникалық және кәсіптік
word--bachelor = бакалавр дәрежесі
word--master = магистр дәрежесі
word--doctorate = докторлық дәреже
word--charter_capital = жарғылық капиталына
word--securities = бағалы қағаздарына
word--race = нәсіл
word--religion = діни ұстаным
word--nationality = азаматтық немесе ұлт
word--social_group = белгілі бір әлеуметтік топқа жату
word--political_opinion = саяси көзқарас
word--run_business = кәсіпкерлікпен айналысу
