# Тапсырмалар бойынша топталған басты мәзір (crates/server/src/web/page.rs): телефонда оны ашатын
# түйме, топтардың тақырыптары және ол қосатын сілтемелер.
menu-toggle = Мәзір
menu-group-casework = Істерді қарау
menu-group-register = Тізілім және шекара
menu-group-kandas-abroad = Қандастар және шетелдегі азаматтар
menu-group-labour = Еңбек нарығы
menu-group-apply = Тексеру және өтініш беру
menu-group-public = Ашық ақпарат
menu-group-admin = Әкімшілік
menu-group-account = Жеке кабинет
nav-simulate = Реформаны модельдеу
nav-kandas-report = Өңірлер бойынша қоныстандыру
