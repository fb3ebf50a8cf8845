# Ережелер файлы (реформаны модельдеуге жүктелген жоба) неге қабылданбады: әр себеп қате мәннің
# кілт мекенжайынан кейін тұрады («parameters.mci.values[2].from: …»). Кодтар мен аргументтерді
# өзектегі ережелер тексерісі береді (PolicyError).

## Файл тұтас
policy-not-utf8 = файл UTF-8 кодтауында емес: оқылмайтын алғашқы байт { $line }-жолда
policy-syntax = файл дұрыс TOML емес: қате { $line }-жолдың { $column }-бағанында
policy-syntax-somewhere = файл дұрыс TOML емес

## Файл пішініне сай емес мәндер
policy-field-missing = мұнда «{ $field }» өрісі жетіспейді
policy-field-unknown = мұнда «{ $field }» өрісі болмайды; рұқсат етілген өрістер: { $allowed }
policy-field-none = мұнда «{ $field }» өрісі болмайды: бұл мәннің өрістері жоқ
policy-name-unknown = «{ $value }» мұнда рұқсат етілмейді; рұқсат етілген мәндер: { $allowed }
policy-type = мұнда { $expected } күтіледі, бірақ { $found } жазылған
policy-type-other = мұндағы мән басқа түрде болуы керек: { $found } жазылған
policy-form = «{ $value }» мұнда жарамайды: мән күтілген түрде емес
policy-form-here = мұндағы мән күтілген түрде емес
policy-kind-string = мәтін жолы
policy-kind-integer = бүтін сан
policy-kind-float = бөлшек сан
policy-kind-boolean = логикалық мән (true немесе false)
policy-kind-array = тізім
policy-kind-table = кесте
policy-kind-date = күн (ЖЖЖЖ-АА-КК)

## Редакциялар мен күні көрсетілген мәндер
policy-no-version = кемінде бір редакция қажет
policy-version-order = { $date } алдыңғы редакцияның күнінен ({ $previous }) кейін емес
policy-no-value = кемінде бір мән қажет
policy-value-order = { $date } алдыңғы мәннің күнінен ({ $previous }) кейін емес
policy-negative = { $value } — теріс сан

## Параметрлер және өңірлік параметрлер
policy-parameter-required = жоқ: { $name } параметрін ережелер пайдаланады
policy-parameter-name = «{ $name }»: параметр атаулары кіші латын әріптерімен және цифрлармен жазылады, сөздер «_» белгісімен қосылады
policy-regional-required = жоқ: { $name } өңірлік параметрін тұрақты тұру ережесі пайдаланады
policy-region-missing = мына өңір үшін мән жоқ: { $region } ({ $code })
policy-region-code = «{ $code }» — өңір коды емес

## Ережелер және күшін жою негіздері
policy-rule-no-basis = { $rule } ережесінің осы ережелер файлында құқықтық негізі жоқ
policy-rule-unknown = «{ $rule }» — мұндай ереже жоқ; ережелер: { $rules }
policy-ground-unknown = «{ $ground }» — күшін жою негіздерінің бірі емес; негіздер: { $grounds }
policy-ground-missing = жоқ: рұқсаттың күшін { $ground } негізі бойынша жоюға болады

## Құнды мамандарға арналған визаның ұпай шкаласы
policy-factor-twice = «{ $factor }» факторы екі рет көрсетілген
policy-factor-scoring = «{ $factor }» факторы бұлай бағаланбайды («{ $scoring }» қолданыңыз)
policy-points-cap = ұпай ({ $points }) фактордың шегінен ({ $cap }) асады
policy-points-range = ұпай ({ $points }) 1 мен фактордың шегі ({ $cap }) аралығында болуы керек
policy-no-bracket = кемінде бір аралық қажет
policy-bracket-bounds = аралықта at_least, up_to шекарасы немесе екеуі де болуы керек
policy-bracket-order = at_least төменгі шекарасы ({ $at_least }) up_to жоғарғы шекарасынан ({ $up_to }) үлкен
policy-level-unknown = «{ $level }» — деңгей емес; деңгейлер: { $levels }
policy-minimum-range = ең төменгі ұпай ({ $minimum }) 1 мен шкаланың ең жоғары ұпайы ({ $maximum }) аралығында болуы керек

## Кәсіптер, салалар және тізім әдістемесі
policy-not-a-group = { $code } — кәсіптер жіктеуішінде мұндай топ жоқ
policy-sectors-none = бірде-бір сала көрсетілмеген
policy-sector-name = «{ $name }»: сала атаулары кіші латын әріптерімен жазылады, сөздер «_» белгісімен қосылады
policy-sector-no-group = кәсіптердің бірде-бір тобы көрсетілмеген
policy-no-sector-map = { $date } күні салалардың бірде-бір тізбесі күшінде емес
policy-sector-not-in-map = «{ $sector }» саласы { $date } күні күшіндегі салалар тізбесінде жоқ
policy-universe-empty = кәсіптердің бірде-бір тобы көрсетілмеген
policy-indicators-empty = бірде-бір көрсеткіш көрсетілмеген
policy-weight = { $weight } — салмақ емес: салмақ 0-ден кем болмауы керек
policy-not-a-number = сан емес
policy-indicator-twice = { $indicator } көрсеткіші екі рет көрсетілген
policy-weights-zero = салмақтардың қосындысы нөлге тең
policy-k-range = k мәні { $k }, ал ол 1 мен көрсеткіштер саны ({ $n }) аралығында болуы керек
policy-cutoff-range = { $cutoff } — 0 мен 100 аралығындағы ұпай емес
policy-at-least-one = кемінде 1 болуы керек

## Болу ережелері үшін азаматтық топтары
policy-nationality-unknown = { $code } — елдер тізбесінде мұндай азаматтық коды жоқ
policy-nationality-citizens = { $code }: Қазақстан азаматтары шетелдік емес
policy-nationality-twice = { $code } бұрын { $first } орнында көрсетілген

## Мереке күндері
policy-holidays-until = { $date } тізбенің алғашқы күнінен ({ $from }) бұрын
policy-holiday-outside = { $date } тізбе қамтитын кезеңнен ({ $from } – { $until }) тыс
policy-holiday-order = { $date } алдыңғы күннен ({ $previous }) кейін емес: күндер ретімен, әрқайсысы бір рет жазылады
policy-working-weekday = { $date } — сенбі де, жексенбі де емес
policy-working-day-off = { $date } демалыс күні ретінде де көрсетілген
